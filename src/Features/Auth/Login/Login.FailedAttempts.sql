-- Failed logins in the rate windows of API.md §5 (class `login`): per client address and per e-mail, each with the instant
-- its oldest counted failure leaves the window. Only failures count; the table is cluster-wide, so every instance agrees.
SELECT count(*) FILTER (WHERE ip_hash = @ipHash AND attempted_at > @now - make_interval(secs => @ipWindowSeconds))::integer AS ByAddress,
       min(attempted_at) FILTER (WHERE ip_hash = @ipHash AND attempted_at > @now - make_interval(secs => @ipWindowSeconds)) AS OldestByAddress,
       count(*) FILTER (WHERE login_hash = @loginHash AND attempted_at > @now - make_interval(secs => @emailWindowSeconds))::integer AS ByEmail,
       min(attempted_at) FILTER (WHERE login_hash = @loginHash AND attempted_at > @now - make_interval(secs => @emailWindowSeconds)) AS OldestByEmail
FROM auth.login_attempts
WHERE NOT succeeded
  AND (ip_hash = @ipHash OR login_hash = @loginHash)
  AND attempted_at > @now - make_interval(secs => greatest(@ipWindowSeconds, @emailWindowSeconds))
