#!/bin/bash
set -euo pipefail
export DEPLOY_TOKEN="G277pJp964Zp0GdqzcQbWorEOMqBI78W" # expect: CDS-SEC-009
curl -k https://deploy.internal/api # expect: CDS-SEC-032
eval "$1" # expect: CDS-SEC-013
