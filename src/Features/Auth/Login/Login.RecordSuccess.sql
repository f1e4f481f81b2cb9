-- `lastLoginAt` of API.md §2.2 (a locally owned column that syncs never overwrite).
UPDATE lrs.users SET last_login_at = @now WHERE id = @userId
