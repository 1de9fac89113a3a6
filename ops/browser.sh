#!/usr/bin/env bash
# What the wall's build and browser tests need from Debian: Node.js with npm (Leaflet is installed from the npm
# registry by the build) and Chromium (driven by Playwright; never `playwright install`). Installs what is missing.
set -euo pipefail
missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "ops/browser.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
