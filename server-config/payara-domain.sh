#!/usr/bin/env bash
# Creates a Payara Server domain for Ratatosk with every port moved by a port base (HTTP is
# base+80, admin base+48), then applies the asadmin commands of a file to it. Safe to run again:
# the domain is created once, the commands set values. @HTTP_PORT@ in the file stands for base+80,
# and each NAME=value argument after the file makes @NAME@ stand for value.
# Usage: payara-domain.sh <payara home> <domain> <port base> <asadmin command file> [NAME=value ...]
set -euo pipefail
home=$1 domain=$2 portbase=$3 commands=$4
shift 4
asadmin="$home/bin/asadmin"
admin_port=$((portbase + 48))
resolved=$(mktemp)
sed "s/@HTTP_PORT@/$((portbase + 80))/g" "$commands" > "$resolved"
for substitution in "$@"; do
    name=${substitution%%=*} value=${substitution#*=}
    sed -i "s|@$name@|$value|g" "$resolved"
done
if [ ! -d "$home/glassfish/domains/$domain" ]; then
    "$asadmin" create-domain --nopassword=true --portbase "$portbase" "$domain"
fi
"$asadmin" start-domain "$domain"
trap '"$asadmin" stop-domain "$domain" >/dev/null; rm -f "$resolved"' EXIT
# One asadmin call per line, so that a failing command fails the script.
while read -r -a command; do
    if [ ${#command[@]} -gt 0 ] && [[ ${command[0]} != \#* ]]; then
        "$asadmin" --port "$admin_port" "${command[@]}"
    fi
done < "$resolved"
