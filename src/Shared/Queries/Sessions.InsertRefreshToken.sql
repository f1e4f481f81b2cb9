-- One refresh token of a family; only its SHA-256 is stored (API.md §2.4).
INSERT INTO auth.refresh_tokens (id, family_id, parent_id, user_id, token_hash, issued_at, expires_at)
VALUES (@id, @familyId, @parentId, @userId, @tokenHash, @issuedAt, @expiresAt)
