#!/usr/bin/env bash
# Installs what Edaran needs to build, run and test, only where missing.
# Usage: scripts/setup.sh [run|test]   (test adds the test-only tools)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-run}"

apt_pkgs=(pkg-config build-essential libwebkit2gtk-4.1-dev libssl-dev libxdo-dev
          libayatana-appindicator3-dev librsvg2-dev file)
if [ "$mode" = test ]; then
  apt_pkgs+=(xvfb webkit2gtk-driver poppler-utils qpdf fonts-liberation xauth
            libnss3-tools openssl xdotool libreoffice-writer-nogui)
fi

missing=()
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

cd "$here/ui"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Memasang paket npm UI"
  npm ci --no-audit --no-fund
fi
