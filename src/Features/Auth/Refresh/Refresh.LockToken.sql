-- The presented token, locked for the rotation, with the start of its family (the login that created it).
SELECT t.id AS Id,
       t.family_id AS FamilyId,
       t.user_id AS UserId,
       t.expires_at AS ExpiresAt,
       t.used_at AS UsedAt,
       t.revoked_at AS RevokedAt,
       (SELECT min(f.issued_at) FROM auth.refresh_tokens f WHERE f.family_id = t.family_id) AS FamilyStartedAt
FROM auth.refresh_tokens t
WHERE t.token_hash = @tokenHash
FOR UPDATE OF t
