#!/usr/bin/env bash
# Starts the development server in the foreground with the freshly built WAR deployed.
# Usage: run-dev.sh <wildfly home> <war> <data dir>
set -euo pipefail
home=$1 war=$2 data=$3
mkdir -p "$data"
cp "$war" "$home/standalone/deployments/hermod.war"
exec "$home/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.data.dir="$data/wildfly" \
    "${@:4}"
