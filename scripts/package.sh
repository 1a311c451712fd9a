#!/usr/bin/env bash
# Builds the installers for this machine's OS with Tauri's bundler (targets in
# tauri.conf.json > bundle): on Linux .deb, .rpm and AppImage, on Windows the
# NSIS setup .exe and the .msi; the `edaran` CLI is installed beside the app.
# Extra arguments go to `tauri build`, e.g. `scripts/package.sh --bundles deb,rpm`
# (the AppImage tools are downloaded from GitHub while bundling).
# Installers land in ${CARGO_TARGET_DIR:-target}/release/bundle/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh package

target="${CARGO_TARGET_DIR:-target}"
host="$(rustc -vV | sed -n 's/^host: //p')"
exe=""
case "$host" in *windows*) exe=".exe" ;; esac

# The CLI goes in as a Tauri sidecar (`bundle.externalBin` in
# src-tauri/packaging/cli-sidecar.json): the bundler wants it as
# target/sidecar/edaran-<target triple>.
echo "==> CLI edaran"
cargo build --release -p edaran-cli
mkdir -p target/sidecar
cp "$target/release/edaran$exe" "target/sidecar/edaran-$host$exe"

echo "==> Paket instalasi"
# Only the app package: the CLI is built above, and cargo must not rewrite it
# while the app's build script copies the sidecar into the same folder.
npx tauri build --config src-tauri/packaging/cli-sidecar.json "$@" -- -p edaran-app
ls -l "$target"/release/bundle/*/*.{deb,rpm,AppImage,exe,msi} 2>/dev/null || true
