#!/usr/bin/env bash
# Takes the wall's screenshots with Debian's Chromium: docs/wall.png at 1920×1080 (and the parking board, docs/wall-parking.png),
# docs/wall-1366.png at 1366×768 and docs/wall-3840.png on a 3840×2160 video wall: a real host on a fresh
# embedded database, fed a few compressed minutes of the normal day and a flooded street, signed in as a
# responder (the WallTests screenshot test, pointed at docs/); and docs/wall-storm.png, the alert queue in the
# monsoon storm with Hoàn Kiếm's incident unfolded (AlertQueueStormTests).
set -euo pipefail
cd "$(dirname "$0")/.."
ops/browser.sh
CONTROLCENTER_WALL_SCREENSHOT="$PWD/docs/wall.png" \
  dotnet test tests/ControlCenter.Host.Tests -c Release --filter "FullyQualifiedName~WallTests.Screenshot_At1920x1080|FullyQualifiedName~AlertQueueStormTests.Monsoon_ChildrenFold" -nologo
echo "ops/wall-screenshot.sh: wrote docs/wall.png, docs/wall-parking.png, docs/wall-1366.png, docs/wall-3840.png and docs/wall-storm.png"
