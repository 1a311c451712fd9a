#!/usr/bin/env bash
# Sets up what is missing, builds Edaran and opens it on its default database
# (created with the demo office on first launch). Extra arguments go to the
# app, e.g. `scripts/run.sh --db /path/kantor.db`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
npm --prefix ui run build
cargo build -p edaran-app -p edaran-cli
exec target/debug/edaran-app "$@"
