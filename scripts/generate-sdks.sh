#!/usr/bin/env bash
# Writes the Python, Go and .NET SDKs of schema.json into <out> (default sdk/: sdk/python, sdk/go,
# sdk/dotnet) with the engine's own code generators, through the small programs in tools/pulumi/codegen/,
# built once from the Go module proxy into a cache keyed by their source.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/sdk}"
codegen="$root/tools/pulumi/codegen"
key="$(cd "$codegen" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) | sort | xargs cat | sha256sum | cut -c1-12)"
cache="${TENANT_ESTATES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tenant-estates}/codegen-$key"

if [[ ! -x "$cache/bin/codegen" || ! -x "$cache/bin/dotnet" ]]; then
  command -v go >/dev/null || { echo "generate-sdks: Go is needed to build the SDK generators" >&2; exit 1; }
  echo "generate-sdks: building the SDK generators into $cache (once)" >&2
  export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
  mkdir -p "$cache/bin.tmp"
  (cd "$codegen" && go build -trimpath -ldflags "-s -w" -o "$cache/bin.tmp/codegen" .)
  (cd "$codegen/dotnet" && go build -trimpath -ldflags "-s -w" -o "$cache/bin.tmp/dotnet" .)
  rm -rf "$cache/bin" && mv "$cache/bin.tmp" "$cache/bin"
fi
"$cache/bin/codegen" -schema "$root/schema.json" -out "$out" python go
"$cache/bin/dotnet" "$root/schema.json" "$out/dotnet"
