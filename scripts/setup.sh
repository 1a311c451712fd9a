#!/usr/bin/env bash
# Installs what Edaran needs to build, run and test, only where missing.
# Usage: scripts/setup.sh [run|test|package]   (test adds the test-only tools,
# package the Tauri CLI that builds the installers). Off Linux (Windows with
# Git Bash) only the npm packages: Rust, Node.js and the build tools are there.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-run}"

apt_pkgs=(pkg-config build-essential libwebkit2gtk-4.1-dev libssl-dev libxdo-dev
          libayatana-appindicator3-dev librsvg2-dev file)
if [ "$mode" = test ]; then
  apt_pkgs+=(xvfb webkit2gtk-driver poppler-utils qpdf fonts-liberation xauth
            libnss3-tools openssl xdotool libreoffice-writer-nogui nsis postgresql)
fi

missing=()
[ "$(uname -s)" = Linux ] || apt_pkgs=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Memasang paket sistem: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "cargo tidak ditemukan: pasang Rust lewat rustup dulu." >&2; exit 1; }
command -v npm >/dev/null || { echo "npm tidak ditemukan: pasang Node.js 20 atau lebih baru dulu." >&2; exit 1; }

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null; then
  echo "==> Memasang tauri-driver"
  cargo install tauri-driver --locked
fi

# `npm ci` in $1 when its node_modules is missing or older than its lock file.
npm_ci() {
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    echo "==> Memasang paket npm $2"
    (cd "$1" && npm ci --no-audit --no-fund)
  fi
}
npm_ci "$here/ui" UI
[ "$mode" != package ] || npm_ci "$here" "Tauri CLI"
