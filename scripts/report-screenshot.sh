#!/usr/bin/env bash
# Renders a report's HTML (tenant-estates report --format html) to a PNG of the whole page with headless Chromium,
# e.g. docs/report.png. Needs a build (npm run build) and Chromium (Debian's chromium, or TENANT_ESTATES_CHROMIUM).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -ne 2 ]; then
  echo "usage: $0 REPORT.html OUT.png" >&2
  exit 2
fi
if [ ! -f "$root/dist/scripts/reportScreenshot.js" ]; then
  echo "no build: run npm run build first" >&2
  exit 1
fi
exec "$root/node_modules/.bin/node" "$root/dist/scripts/reportScreenshot.js" "$1" "$2"
