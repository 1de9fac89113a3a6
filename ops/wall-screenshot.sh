#!/usr/bin/env bash
# Takes the wall's screenshots at 1920×1080 with Debian's Chromium into docs/wall.png (and the parking board, docs/wall-parking.png): a real host on a fresh
# embedded database, fed a few compressed minutes of the normal day and a flooded street, signed in as a
# responder (the WallTests screenshot test, pointed at docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
ops/browser.sh
CONTROLCENTER_WALL_SCREENSHOT="$PWD/docs/wall.png" \
  dotnet test tests/ControlCenter.Host.Tests -c Release --filter "FullyQualifiedName~WallTests.Screenshot_At1920x1080" -nologo
echo "ops/wall-screenshot.sh: wrote docs/wall.png and docs/wall-parking.png"
