-- The family of a presented refresh token, only when it belongs to the caller (another user's token is ignored).
SELECT family_id
FROM auth.refresh_tokens
WHERE token_hash = @tokenHash AND user_id = @userId
