#!/usr/bin/env bash
# Test-only TLS material for the test server's HTTPS listener: a throwaway CA, a server certificate
# for 127.0.0.1, and client certificates the tests present (one accepted, one not). Then gives it to
# the server: WildFly's listener through configure-test-tls.cli; for a Payara domain, the server key
# goes into the domain's key store as hermod-test and the CA into its trust store (payara-test.asadmin
# points the listener at them). Idempotent: existing files are kept.
# Usage: test-tls.sh <wildfly home or payara domain directory> <output dir>
set -euo pipefail
home=$1 dir=$2 pw=test-tls-secret
scripts=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
cd "$dir"
if [ ! -f client.p12 ]; then
    rm -f ./*.p12 ./*.pem ./*.csr
    keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 3650 -ext bc:c \
        -dname "CN=Hermod Test TLS CA,O=Ratatosk Test" -keystore ca.p12 -storetype PKCS12 -storepass $pw
    keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass $pw -file ca.pem
    keytool -importcert -noprompt -alias ca -file ca.pem -keystore truststore.p12 -storetype PKCS12 -storepass $pw
    issue() { # name, dname, extensions
        keytool -genkeypair -alias "$1" -keyalg EC -groupname secp256r1 -validity 3650 -dname "$2" \
            -keystore "$1.p12" -storetype PKCS12 -storepass $pw
        keytool -certreq -alias "$1" -keystore "$1.p12" -storepass $pw -file "$1.csr"
        keytool -gencert -alias ca -keystore ca.p12 -storepass $pw -infile "$1.csr" -outfile "$1.pem" -rfc \
            -validity 3650 "${@:3}"
        keytool -importcert -noprompt -alias ca -file ca.pem -keystore "$1.p12" -storepass $pw
        keytool -importcert -noprompt -alias "$1" -file "$1.pem" -keystore "$1.p12" -storepass $pw
        keytool -delete -alias ca -keystore "$1.p12" -storepass $pw
    }
    issue server "CN=127.0.0.1,O=Ratatosk Test" -ext san=ip:127.0.0.1,dns:localhost -ext eku=serverAuth
    issue intruder "CN=intruder,O=Ratatosk Test" -ext eku=clientAuth
    issue client "CN=uem-test-client,O=Ratatosk Test" -ext eku=clientAuth
fi
if [ -f "$home/config/domain.xml" ]; then
    # Payara keeps its stores under the master password, changeit unless the domain was given another.
    config=$home/config master=changeit
    keytool -delete -alias hermod-test -keystore "$config/keystore.p12" -storepass $master >/dev/null 2>&1 || true
    keytool -importkeystore -noprompt -srckeystore server.p12 -srcstoretype PKCS12 -srcstorepass $pw -srcalias server \
        -destkeystore "$config/keystore.p12" -deststoretype PKCS12 -deststorepass $master -destalias hermod-test
    keytool -delete -alias hermod-test-ca -keystore "$config/cacerts.p12" -storepass $master >/dev/null 2>&1 || true
    keytool -importcert -noprompt -alias hermod-test-ca -file ca.pem -keystore "$config/cacerts.p12" -storepass $master
else
    JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --resolve-parameter-values --file="$scripts/configure-test-tls.cli" \
        -Dtest.tls.dir="$dir" -Dtest.tls.password=$pw
fi
