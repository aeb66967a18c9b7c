#!/usr/bin/env bash
# Compiles everything (strict) and installs the package into node_modules for the programs that use it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rm -rf dist
tsc -p tsconfig.json
bash scripts/install-self.sh
