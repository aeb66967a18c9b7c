#!/usr/bin/env bash
# The main job: builds the package, starts the embedded emulators, and runs `pulumi up` of the root
# program (the estate in estate.yaml) against them with a local backend, then prints what was created. Re-running it finds the
# same estate (the emulators keep their state in .work/demo) and changes nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"
work="$root/.work/demo"
mkdir -p "$work/state"

bash scripts/build.sh
PATH="$(bash scripts/ensure-pulumi.sh):$PATH"

ready="$work/emulator.ready"
node dist/emulator/main.js --state-file "$work/emulator" >"$ready" 2>"$work/emulator.log" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [[ -s "$ready" ]] && break; sleep 0.1; done
[[ -s "$ready" ]] || { echo "demo: the emulator did not start:" >&2; cat "$work/emulator.log" >&2; exit 1; }
field() { node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(process.argv[2].split(".").reduce((o,k)=>o[k], r))' "$ready" "$1"; }

# The fast path (docs/scaling.md): one checkpoint per run; a killed run is recovered by the ownership marks.
export PULUMI_BACKEND_URL="file://$work/state?metadata=skip" PULUMI_HOME="$work/home" PULUMI_CONFIG_PASSPHRASE="demo" \
  PULUMI_SKIP_CHECKPOINTS=true PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true PULUMI_DISABLE_REGISTRY_RESOLVE=true
# Lean memory (docs/scaling.md, option 8): Node.js heaps kept near their live objects, the engine's Go
# collector at 10 % heap growth, two malloc arenas that give freed memory back.
export NODE_OPTIONS="--expose-gc --max-semi-space-size=2" GOGC=10 MALLOC_ARENA_MAX=2 \
  MALLOC_TRIM_THRESHOLD_=131072 MALLOC_MMAP_THRESHOLD_=131072
pulumi stack select --create demo --non-interactive >/dev/null
pulumi config set acronis:baseUrl "$(field acronis.baseUrl)"
pulumi config set acronis:clientId "$(field acronis.clientId)"
pulumi config set --secret acronis:clientSecret "$(field acronis.clientSecret)"
pulumi config set partnerTenantId "$(field acronis.partnerTenantId)"
pulumi config set hcp:domain "$(field hcp.domain)"
pulumi config set hcp:port "$(node -p "new URL('$(field hcp.url)').port")"
pulumi config set hcp:address 127.0.0.1
pulumi config set hcp:username "$(field hcp.username)"
pulumi config set --secret hcp:password "$(field hcp.password)"
pulumi config set hcp:caCert -- "$(cat "$(field hcp.caCertPath)")"
# The demo's own password for the HCP tenants' first users; a real stack sets its own secret.
pulumi config get hcpInitialUserPassword >/dev/null 2>&1 || pulumi config set --secret hcpInitialUserPassword "Demo-$(node -p 'require("crypto").randomBytes(6).toString("hex")')"

pulumi up --yes --non-interactive
echo
echo "Created (pulumi stack output):"
pulumi stack output --json
