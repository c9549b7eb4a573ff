#!/bin/sh
# Installs the Debian packages Switchboard needs, and only those that are missing.
# Idempotent: a second run installs nothing and prints nothing.
set -eu
packages="libsndfile1-dev libsamplerate0-dev libcurl4-openssl-dev libespeak-ng-dev libpocketsphinx-dev pocketsphinx-en-us libhiredis-dev redis-server sox espeak-ng flite python3 python3-venv jq curl xxd man-db asterisk-core-sounds-en-wav asterisk-core-sounds-fr-wav $*"
missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
