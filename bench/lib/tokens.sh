# shellcheck shell=bash
# Mints HS256 access tokens for generated users with the service's signing key (CONVENTIONS.md, Tests: benchmarks mint tokens).

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_token BASE64_KEY USER_ID ROLE ORG_ID → prints a JWT valid for two hours.
mint_token() {
  local key_hex header payload now
  key_hex=$(printf '%s' "$1" | base64 -d | od -An -tx1 | tr -d ' \n')
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"%s","roles":["%s"],"org_id":"%s","iss":"learning-analytics","aud":"learning-analytics-api","iat":%d,"nbf":%d,"exp":%d,"jti":"%s","sid":"%s"}' \
    "$2" "$3" "$4" "$now" "$now" $((now + 7200)) "$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | b64url)"
}
