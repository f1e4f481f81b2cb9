#!/bin/sh
# Entry point of the image: reads secrets from files, then runs the service with the container's arguments (its verbs).
# For every configuration key given as NAME_FILE (a .NET key with `__`, e.g. Auth__SigningKey_FILE=/run/secrets/signing.key),
# NAME is set to the file's content, without its trailing newline: Docker/Compose secrets, Kubernetes secret volumes. Setting
# both NAME and NAME_FILE is an error, like a file that cannot be read; the values are never printed.
set -eu

names=$(env | sed -n 's/^\([A-Za-z0-9]*__[A-Za-z0-9_]*\)_FILE=.*$/\1/p')
for name in $names; do
  file=$(printenv "${name}_FILE")
  if printenv "$name" >/dev/null 2>&1; then
    echo "docker-entrypoint: both $name and ${name}_FILE are set; set one" >&2
    exit 64
  fi
  if [ ! -r "$file" ]; then
    echo "docker-entrypoint: ${name}_FILE names $file, which cannot be read" >&2
    exit 66
  fi
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done

exec dotnet "${ANALYTICS_DLL:-/app/Analytics.Api.dll}" "$@"
