#!/usr/bin/env bash
# `npm run emulator -- …`: builds once if needed (output to stderr, so stdout carries only the ready line),
# then runs the emulators in the foreground.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ! -f "$root/dist/emulator/main.js" ]]; then
  (cd "$root" && bash scripts/build.sh) >&2
fi
exec node "$root/dist/emulator/main.js" "$@"
