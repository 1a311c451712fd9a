#!/usr/bin/env bash
# Builds an installable Debian package of the app (and the `edaran` CLI)
# into target/debian/. Install it with `sudo apt install ./target/debian/edaran_*.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
npm --prefix ui run build
cargo build --release -p edaran-cli
cargo deb -p edaran-app
ls -1 target/debian/*.deb
