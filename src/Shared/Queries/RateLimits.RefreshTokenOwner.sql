-- The user owning a refresh token (by its SHA-256), so the `token` rate class counts per user (API.md §5).
SELECT user_id
FROM auth.refresh_tokens
WHERE token_hash = @tokenHash
