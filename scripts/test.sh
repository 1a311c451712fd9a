#!/usr/bin/env bash
# Sets up what is missing and runs every test: core and CLI (Rust), UI
# components (Vitest), end to end (the real app under Xvfb), and the core's
# suite again on PostgreSQL (a private server the tests start and stop).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
echo "==> Free disk space (a clean build needs about 4 GB)"
df -h . | tail -n 1
echo "==> UI: build and component tests"
npm --prefix ui run build
npm --prefix ui test
echo "==> Rust: build the binaries the whole-product tests drive"
cargo build --workspace --bins
echo "==> Rust: unit, integration and end-to-end tests"
xvfb-run --auto-servernum --server-args="-screen 0 1366x768x24" cargo test --workspace
echo "==> Rust: the core's suite again, every store on a PostgreSQL server"
EDARAN_TEST_DB=postgresql cargo test -p edaran-core --lib
