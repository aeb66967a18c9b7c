#!/usr/bin/env bash
# Compiles everything (strict) and installs the package into node_modules for the programs that use it.
# The generator compiles first and alone, from the resource specs: it never needs the code it generates.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rm -rf dist
tsc -p scripts/generate/tsconfig.json
tsc -p tsconfig.json
bash scripts/install-self.sh
