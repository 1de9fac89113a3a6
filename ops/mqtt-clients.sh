#!/usr/bin/env bash
# The command-line MQTT clients (mosquitto_pub, mosquitto_sub) from Debian: docs/integrations.md shows them, and a
# test runs its examples against the host's broker. The broker itself runs inside the host (no mosquitto daemon).
set -euo pipefail
if ! command -v mosquitto_pub >/dev/null 2>&1 || ! command -v mosquitto_sub >/dev/null 2>&1; then
  echo "ops/mqtt-clients.sh: installing mosquitto-clients"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mosquitto-clients >/dev/null
fi
