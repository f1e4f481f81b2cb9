-- Every attempt, keyed by HMACs of the client address and the e-mail: no raw personal data (DATA_MODEL.md §6).
INSERT INTO auth.login_attempts (attempted_at, succeeded, ip_hash, login_hash)
VALUES (@now, @succeeded, @ipHash, @loginHash)
