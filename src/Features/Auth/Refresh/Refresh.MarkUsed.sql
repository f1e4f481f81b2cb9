-- Single use: a token is spent by its first successful refresh.
UPDATE auth.refresh_tokens SET used_at = @now WHERE id = @id
