#!/usr/bin/env bash
# Python 3 from Debian: a test rebuilds the wall's basemap with ops/basemap/build.py (standard library only) and
# checks it matches the committed file.
set -euo pipefail
if ! command -v python3 >/dev/null 2>&1; then
  echo "ops/python.sh: installing python3"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3 >/dev/null
fi
