#!/usr/bin/env bash
# Renders every k8s/ overlay with `kubectl kustomize` and validates the objects against the Kubernetes API schemas,
# offline (ops/k8s/validate.js, kubernetes-models from the npm registry). Installs what is missing: kubectl from Debian
# (package kubernetes-client) and the validator (`npm ci` in ops/k8s). Exits non-zero, naming the object and field, on
# an invalid manifest. `ops/k8s-check.sh --install` only installs (ops/test.sh; the NUnit tests then check).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v kubectl >/dev/null 2>&1; then
  echo "ops/k8s-check.sh: installing kubectl (Debian package kubernetes-client)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq kubernetes-client >/dev/null
fi
command -v npm >/dev/null 2>&1 || ops/browser.sh
if [ ! -f ops/k8s/node_modules/.package-lock.json ] || [ ops/k8s/package-lock.json -nt ops/k8s/node_modules/.package-lock.json ]; then
  (cd ops/k8s && npm ci --no-audit --no-fund --loglevel=error)
fi
[ "${1:-}" = "--install" ] && exit 0

# The production overlay needs the operator's secrets.env: render a copy with the committed example in its place.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r k8s "$work/"
cp "$work/k8s/overlays/production/secrets.env.example" "$work/k8s/overlays/production/secrets.env"

status=0
for overlay in "$work"/k8s/overlays/*/; do
  name=$(basename "$overlay")
  # kustomize's deprecation warnings go to standard error; the manifests stay readable by kustomize 2 (Debian's kubectl).
  if ! kubectl kustomize "$overlay" > "$work/$name.yaml" 2> "$work/$name.err"; then
    echo "ops/k8s-check.sh: k8s/overlays/$name does not render:" >&2
    cat "$work/$name.err" >&2
    status=1
    continue
  fi
  echo -n "k8s/overlays/$name: "
  node ops/k8s/validate.js "$work/$name.yaml" 2>&1 || status=1
done
exit "$status"
