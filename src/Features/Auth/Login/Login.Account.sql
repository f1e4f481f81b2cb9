-- The credentials of an active account by e-mail (case-insensitive, served by ux_users_email).
SELECT u.id AS UserId, c.password_hash AS PasswordHash
FROM lrs.users u
JOIN auth.user_credentials c ON c.user_id = u.id
WHERE lower(u.email) = @email AND u.active
