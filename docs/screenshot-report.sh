#!/usr/bin/env bash
# Renders a maildrill HTML report in headless Chromium and saves a PNG, to look at the report as
# a browser shows it. Usage: docs/screenshot-report.sh [REPORT.html] [OUT.png]
# Default: the embedded-GreenMail report of the last `./maildrill check`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
report=$(realpath "${1:-$root/maildrill-reports/greenmail/maildrill-report.html}")
out=$(realpath -m "${2:-$root/docs/images/check-greenmail.png}")
[ -f "$report" ] || { echo "no report at $report (run ./maildrill check first)" >&2; exit 2; }
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The flags keep Chromium off the network entirely: the report is self-contained.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1280,2400 --screenshot="$out" "file://$report" >/dev/null 2>&1
echo "$out"
