#!/usr/bin/env bash
# Takes the citizens' portal's screenshots with Debian's Chromium: docs/portal-phone.png (390×844) and
# docs/portal-desktop.png (1920×1080), from a real host on a fresh embedded database fed a few compressed
# minutes of the normal day by the simulator, with a flooded street and a public warning in force (the
# PortalScreenshotTests, pointed at docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
ops/browser.sh
CONTROLCENTER_PORTAL_SCREENSHOTS="$PWD/docs" \
  dotnet test tests/ControlCenter.Host.Tests -c Release --filter "FullyQualifiedName~PortalScreenshotTests" -nologo
echo "ops/portal-screenshot.sh: wrote docs/portal-phone.png and docs/portal-desktop.png"
