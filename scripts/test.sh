#!/usr/bin/env bash
# The test command: formatter and linter, strict compile, then every test (unit, emulator, provider,
# and end to end on the real Pulumi engine), ending with one `N passed, N failed` line.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"   # Node 22 from the `node` dev dependency comes first
biome check .
bash scripts/build.sh
PULUMI_ENGINE_DIR="$(bash scripts/ensure-pulumi.sh)"
export PULUMI_ENGINE_DIR
# Every exchange an emulator sees is checked against the API contracts (contract/); each test process leaves
# its tally here for the closing summary.
TENANT_ESTATES_CONTRACT_CHECK=1
TENANT_ESTATES_CONTRACT_DIR="$(mktemp -d)"
export TENANT_ESTATES_CONTRACT_CHECK TENANT_ESTATES_CONTRACT_DIR
trap 'rm -rf "$TENANT_ESTATES_CONTRACT_DIR"' EXIT
mocha "$@"
node dist/test/support/contractVerdict.js
