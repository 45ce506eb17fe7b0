#!/usr/bin/env bash
# Install what the build, the tests and the benchmarks need from outside PyPI: Debian's Chromium
# headless shell (the browser tests, driven by Playwright) and full Chromium (Lighthouse and the
# benchmark's search timing), Pango (WeasyPrint's text layout), the fonts of the PDFs and the browser (Noto CJK
# for Chinese; Noto core for Thai, Arabic and other scripts that sources quote; DejaVu for
# symbols), poppler-utils (PDF checks) and a headless Java runtime (the HTML validator, vnu.jar).
# Installs only what is missing; needs root (as in CI) when something is missing.
set -euo pipefail
missing=()
command -v chromium-headless-shell >/dev/null || missing+=(chromium-headless-shell)
command -v chromium >/dev/null || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -qi "noto.*cjk" || missing+=(fonts-noto-cjk)
fc-list :family="Noto Sans Thai" 2>/dev/null | grep -q . || missing+=(fonts-noto-core)
fc-list :family="DejaVu Sans" 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v java >/dev/null || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${missing[*]} with apt-get"
apt-get update -qq
mkdir -p /usr/share/man/man1  # slim Debian images lack it, and the Java runtime's install fails without it
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
