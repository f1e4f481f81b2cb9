-- The unexpired deny list, loaded into memory at start and after a lost LISTEN connection.
SELECT jti, family_id AS FamilyId, expires_at AS ExpiresAt
FROM auth.revoked_access
WHERE expires_at > @now
