#!/bin/bash
set -euo pipefail
export DEPLOY_TOKEN="${DEPLOY_TOKEN:?set DEPLOY_TOKEN}"
curl -fsS https://deploy.internal/api
echo "never use curl -k in production"
