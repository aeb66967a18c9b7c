#!/usr/bin/env bash
# Installs the built package into its own node_modules, as a user's `npm install tenant-estates` would,
# so examples, tests and benchmarks load it by name: the engine then stores only a `require` of it
# in each resource's `__provider` instead of serialized code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/node_modules/tenant-estates"
rm -rf "$target.tmp"
mkdir -p "$target.tmp/dist"
cp "$root/package.json" "$target.tmp/"
cp -r "$root/dist/provider" "$root/dist/sdk" "$root/dist/estate.schema.json" "$target.tmp/dist/"
rm -rf "$target" && mv "$target.tmp" "$target"
