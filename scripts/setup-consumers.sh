#!/usr/bin/env bash
# Installs the programs that open what Nianbao exports, for test/consumers/: Debian's LibreOffice
# Writer (headless, no GUI), poppler-utils (pdfinfo, pdftotext, pdftoppm), Debian's Chromium (opens,
# screenshots and prints the review page of `nianbao check --format html`; the editor tiers use it
# too) and a CJK font so the Chinese text is drawn. Idempotent: only missing packages are installed
# (apt-get update once).
set -euo pipefail
PKGS=(libreoffice-writer-nogui poppler-utils chromium fonts-wqy-microhei)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup-consumers] already installed: ${PKGS[*]}" >&2
  exit 0
fi
if [ "$(id -u)" != 0 ]; then echo "[setup-consumers] missing Debian packages: ${missing[*]} (need root to install)" >&2; exit 1; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v soffice >/dev/null && command -v pdftotext >/dev/null && command -v chromium >/dev/null
echo "[setup-consumers] installed: ${missing[*]}" >&2
