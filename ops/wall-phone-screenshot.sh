#!/usr/bin/env bash
# Takes the responder's phone layout at 390×844 with Debian's Chromium into docs/wall-phone.png (and the shift
# handover that follows, docs/wall-handover.png): a real host on a
# fresh embedded database, two flooded streets, the phone by Hoàn Kiếm lake with one alert acknowledged and noted
# (the ResponderPhoneTests story test, pointed at docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
ops/browser.sh
CONTROLCENTER_PHONE_SCREENSHOT="$PWD/docs/wall-phone.png" \
  dotnet test tests/ControlCenter.Host.Tests -c Release --filter "FullyQualifiedName~ResponderPhoneTests.Phone_AcknowledgesAndNotes" -nologo
echo "ops/wall-phone-screenshot.sh: wrote docs/wall-phone.png and docs/wall-handover.png"
