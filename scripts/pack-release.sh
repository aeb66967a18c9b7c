#!/usr/bin/env bash
# Builds the package as it was at an earlier commit and writes what `npm install tenant-estates` would put
# in node_modules/tenant-estates: package.json and dist/ (JavaScript and the estate schema only), as a tgz
# with a `package/` root like npm's. Usage: scripts/pack-release.sh <commit> <out.tgz>
# The commit is built in a temporary directory with this checkout's node_modules (same dependencies).
set -euo pipefail
commit="${1:?usage: pack-release.sh <commit> <out.tgz>}"
out="$(realpath -m "${2:?usage: pack-release.sh <commit> <out.tgz>}")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src" "$tmp/package/dist"
git -C "$root" archive "$commit" | tar -x -C "$tmp/src"
ln -s "$root/node_modules" "$tmp/src/node_modules"
(cd "$tmp/src" && "$root/node_modules/.bin/tsc" -p tsconfig.json)
cp "$tmp/src/package.json" "$tmp/package/"
cp -r "$tmp/src/dist/provider" "$tmp/src/dist/sdk" "$tmp/src/dist/estate.schema.json" "$tmp/package/dist/"
find "$tmp/package" \( -name '*.map' -o -name '*.d.ts' \) -delete
# Reproducible: same commit, same bytes.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$tmp" -cf - package | gzip -n -9 >"$out"
echo "$out: $(git -C "$root" rev-parse --short "$commit"), $(tar -tzf "$out" | grep -c '\.js$') modules, $(stat -c %s "$out") bytes"
