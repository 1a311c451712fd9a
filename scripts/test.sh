#!/usr/bin/env bash
# Sets up what is missing and runs every test: core and CLI (Rust), UI
# components (Vitest), and end to end (the real app under Xvfb).
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
