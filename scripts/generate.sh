#!/usr/bin/env bash
# `npm run generate`: compiles the generator alone (its tsconfig holds only it and the specs), writes the
# generated files from the specs, then builds the rest, which may already use what the specs added.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rm -rf dist
tsc -p scripts/generate/tsconfig.json
node dist/scripts/generate/main.js
bash scripts/build.sh
