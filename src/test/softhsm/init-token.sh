#!/usr/bin/env bash
# Creates a fresh SoftHSM2 token for the tests under the given directory (never the system-wide
# token store), plus the SunPKCS11 configuration and PIN file the tests and the test server use.
# Usage: init-token.sh <dir>
set -euo pipefail
dir=$(mkdir -p "$1" && cd "$1" && pwd)
module=${SOFTHSM2_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
if ! command -v softhsm2-util >/dev/null || [ ! -f "$module" ]; then
    echo "softhsm2 not installed: PKCS#11 tests will be skipped" >&2
    rm -f "$dir/pkcs11.cfg"
    exit 0
fi
rm -rf "$dir/tokens"
mkdir -p "$dir/tokens"
cat > "$dir/softhsm2.conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
slots.mechanisms = ALL
library.reset_on_fork = false
CONF
pin=test-user-pin-$RANDOM$RANDOM
printf '%s' "$pin" > "$dir/pin"
chmod 600 "$dir/pin"
SOFTHSM2_CONF="$dir/softhsm2.conf" softhsm2-util --init-token --free --label hermod-test \
    --so-pin test-so-pin --pin "$pin" >/dev/null
# The server completes this with the generation templates that keep private keys in the HSM.
cat > "$dir/pkcs11.cfg" <<CFG
name = HermodTest
library = $module
slotListIndex = 0
CFG
echo "SoftHSM2 test token initialised in $dir"
