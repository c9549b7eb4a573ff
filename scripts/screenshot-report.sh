#!/bin/sh
# Draws a `switchboard simulate --html` report as a headless browser shows it, for the README's
# screenshot (Examples/simulate-report.png).
#   scripts/screenshot-report.sh IN.html OUT.png        (WIDTH/HEIGHT override 1400x1800)
# Needs Debian's chromium (apt-get install -y chromium). The page is self-contained, so the
# browser fetches nothing.
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 IN.html OUT.png" >&2
    exit 64
fi
in=$1
out=$2
[ -r "$in" ] || { echo "$0: cannot read $in" >&2; exit 66; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "$0: no chromium found (apt-get install -y chromium)" >&2; exit 69; }
case $in in /*) page=$in ;; *) page=$(pwd)/$in ;; esac
case $out in /*) png=$out ;; *) png=$(pwd)/$out ;; esac
# A throwaway profile, so a run leaves nothing behind and never meets another's lock.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size="${WIDTH:-1400},${HEIGHT:-1800}" --screenshot="$png" "file://$page" 2>/dev/null
[ -s "$png" ] || { echo "$0: chromium wrote no screenshot" >&2; exit 70; }
echo "$png"
