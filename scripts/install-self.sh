#!/usr/bin/env bash
# Installs the built package into its own node_modules from the tarball `npm pack` makes, as a user's
# `npm install tenant-estates` would, so examples, tests and benchmarks load it by name: the engine then
# stores only a `require` of it in each resource's `__provider` instead of serialized code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/node_modules/tenant-estates"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# --ignore-scripts: the prepack step is this build itself.
tarball="$(cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)"
tar -xzf "$work/$tarball" -C "$work"
rm -rf "$target" && mv "$work/package" "$target"
