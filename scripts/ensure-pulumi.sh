#!/usr/bin/env bash
# Ensures the real Pulumi engine (CLI + Node.js, YAML and Go language hosts + dynamic-provider launcher) and
# prints the directory that holds it. Uses a compatible `pulumi` on PATH, else builds once from the Go module
# proxy into a cache outside git and reuses it. Needs Go and npm dependencies installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="v$(node -p "require('$root/node_modules/@pulumi/pulumi/package.json').version")"
# The cache is keyed by the wrapper modules and the Go host's own code too, so a change of any of them
# (a new tool) rebuilds it.
modules_key="$(cat "$root"/tools/pulumi/{cli,langhost,yaml,golang}/go.mod "$root"/tools/pulumi/golang/*.go | sha256sum | cut -c1-12)"
cache="${TENANT_ESTATES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tenant-estates}/pulumi-$version-$modules_key"
hosts=(pulumi-language-nodejs pulumi-language-yaml pulumi-language-go)
launcher="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { echo "ensure-pulumi: $*" >&2; }
# Whether every language host is an executable in the given directory.
has_hosts() { for host in "${hosts[@]}"; do [[ -x "$1/$host" ]] || return 1; done; }

# A pulumi on PATH of the same version, with every language host beside it, is used as it is.
if existing="$(command -v pulumi 2>/dev/null)"; then
  dir="$(dirname "$existing")"
  if [[ "$("$existing" version 2>/dev/null)" == "$version" ]] && has_hosts "$dir"; then
    echo "$dir"
    exit 0
  fi
fi

if [[ -x "$cache/bin/pulumi" && -x "$cache/bin/pulumi-resource-pulumi-nodejs" ]] && has_hosts "$cache/bin"; then
  echo "$cache/bin"
  exit 0
fi

command -v go >/dev/null || { log "Go is needed to build the Pulumi engine $version and is not on PATH"; exit 1; }
cli_version="$(sed -n 's#^\s*github.com/pulumi/pulumi/pkg/v3 \(v[0-9.]*\).*#\1#p' "$root/tools/pulumi/cli/go.mod")"
if [[ "$cli_version" != "$version" ]]; then
  log "tools/pulumi/cli/go.mod pins pkg/v3 $cli_version but package.json pins @pulumi/pulumi $version"
  exit 1
fi

log "building the Pulumi engine $version into $cache (once; a few minutes)"
mkdir -p "$cache/bin.tmp"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
(
  cd "$root/tools/pulumi/cli"
  go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$cache/bin.tmp/" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
)
(
  cd "$root/tools/pulumi/langhost"
  go build -trimpath -ldflags "-s -w" -o "$cache/bin.tmp/" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
)
(
  cd "$root/tools/pulumi/yaml"
  go build -trimpath -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi-yaml | cut -c2-)" \
    -o "$cache/bin.tmp/" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
)
# The project's own Go language host (tools/pulumi/golang/main.go says why).
(
  cd "$root/tools/pulumi/golang"
  go build -trimpath -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version#v}" \
    -o "$cache/bin.tmp/pulumi-language-go" .
)
install -m 755 "$launcher" "$cache/bin.tmp/pulumi-resource-pulumi-nodejs"
rm -rf "$cache/bin" && mv "$cache/bin.tmp" "$cache/bin"
log "built $("$cache/bin/pulumi" version)"
echo "$cache/bin"
