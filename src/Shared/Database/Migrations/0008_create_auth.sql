-- Standalone-mode credentials and tokens, and the access-token deny list used in both modes (DATA_MODEL.md §6).

CREATE TABLE auth.user_credentials (
    user_id             eid PRIMARY KEY REFERENCES lrs.users (id) ON DELETE CASCADE,
    password_hash       text NOT NULL,            -- ASP.NET Core Identity PasswordHasher output (API.md §2.1)
    password_changed_at timestamptz NOT NULL,
    must_change         boolean NOT NULL DEFAULT false,
    failed_count        smallint NOT NULL DEFAULT 0,
    locked_until        timestamptz NULL,
    created_at          timestamptz NOT NULL
);

-- Rotation issues a child with the same family_id; presenting a used or revoked token revokes the whole family.
CREATE TABLE auth.refresh_tokens (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id       uuid NOT NULL DEFAULT gen_random_uuid(),
    parent_id       uuid NULL REFERENCES auth.refresh_tokens (id) ON DELETE SET NULL,
    user_id         eid NOT NULL REFERENCES lrs.users (id) ON DELETE CASCADE,
    token_hash      bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),   -- SHA-256 of the opaque token
    issued_at       timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz NULL,
    revoked_at      timestamptz NULL,
    revoked_reason  text NULL CHECK (revoked_reason IN ('logout', 'reuse-detected', 'password-changed', 'admin', 'erasure')),
    CHECK (expires_at > issued_at)
);
CREATE INDEX ix_refresh_tokens_family ON auth.refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_user_live ON auth.refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX ix_refresh_tokens_expires ON auth.refresh_tokens (expires_at);

-- HMAC-SHA256 of the IP and of lower(email): no raw PII. The cluster-wide login limit when no Redis is configured.
CREATE TABLE auth.login_attempts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempted_at    timestamptz NOT NULL DEFAULT now(),
    succeeded       boolean NOT NULL,
    ip_hash         bytea NOT NULL,
    login_hash      bytea NOT NULL
);
CREATE INDEX ix_login_attempts_ip ON auth.login_attempts (ip_hash, attempted_at);
CREATE INDEX ix_login_attempts_login ON auth.login_attempts (login_hash, attempted_at);

-- Access-token deny list (API.md §2.2–2.4): one token by jti, or a whole family by its sid.
CREATE TABLE auth.revoked_access (
    jti         uuid NULL,          -- an external token's jti as a name-based UUID (v5)
    family_id   uuid NULL,
    user_id     eid NOT NULL,
    expires_at  timestamptz NOT NULL,   -- the token's exp; for a family, revocation + 1 h (access-token life)
    CHECK (jti IS NOT NULL OR family_id IS NOT NULL)
);
CREATE INDEX ix_revoked_access_expires ON auth.revoked_access (expires_at);
