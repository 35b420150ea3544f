#!/usr/bin/env bash
# Starts and stops the two-node topology of the cluster profile: an ActiveMQ Artemis broker outside
# the nodes, one SoftHSM2 token served by p11-kit server, two WildFly nodes on one PostgreSQL schema,
# that broker and that token, and HAProxy in front.
# Everything lives under CLUSTER_DIR (target/cluster); cluster.env, filled in by Maven, says where.
#
#   cluster.sh start                      broker, both nodes, load balancer; returns once all are healthy
#   cluster.sh stop                       stops what start started
#   cluster.sh kill-node a|b              kill -9 of a node's JVM
#   cluster.sh start-node a|b             starts a node again on its own data; returns once it is healthy
#   cluster.sh kill-broker | start-broker kill -9 of the broker / start it again on its journal
set -euo pipefail

env_file=${CLUSTER_ENV:-$(dirname "$0")/../../../target/cluster/cluster.env}
# shellcheck disable=SC1090
source "$env_file"

BROKER_DIR=$CLUSTER_DIR/broker
SHARED_DIR=$CLUSTER_DIR/shared
HSM_DIR=$CLUSTER_DIR/hsm
HSM_SOCKET=$HSM_DIR/p11-kit.sock
BROKER_USER=hermod
BROKER_PASSWORD=hermod-broker-secret
# The names the nodes' JMS clients use: WildFly prefixes queues jms.queue. and topics jms.topic.
QUEUES=jms.queue.HermodExpiry:anycast,jms.queue.HermodCallbacks:anycast,jms.queue.HermodEnrollment:anycast,jms.queue.HermodDeadLetter:anycast
TOPICS=jms.topic.HermodWakeUp:multicast
START_TIMEOUT=${CLUSTER_START_TIMEOUT:-420}

offset_of() {
    case $1 in
        a) echo "$OFFSET_A" ;;
        b) echo "$OFFSET_B" ;;
        *) echo "unknown node $1" >&2; exit 2 ;;
    esac
}

create_broker() {
    rm -rf "$BROKER_DIR"
    "$ARTEMIS_HOME/bin/artemis" create "$BROKER_DIR" --silent --force \
        --user "$BROKER_USER" --password "$BROKER_PASSWORD" --require-login \
        --host 127.0.0.1 --default-port "$BROKER_PORT" \
        --http-host 127.0.0.1 --http-port "$BROKER_CONSOLE_PORT" --no-web \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        --java-memory 512M --nio \
        --queues "$QUEUES" --addresses "$TOPICS" > "$CLUSTER_DIR/broker-create.log"
    # Redelivery and dead letters for the application's queues, as configure-embedded.cli sets them
    # on the embedded broker.
    python3 - "$BROKER_DIR/etc/broker.xml" <<'PY'
import sys
path = sys.argv[1]
xml = open(path).read()
setting = """
         <address-setting match="jms.queue.Hermod#">
            <redelivery-delay>1000</redelivery-delay>
            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
            <max-redelivery-delay>60000</max-redelivery-delay>
            <max-delivery-attempts>20</max-delivery-attempts>
            <dead-letter-address>jms.queue.HermodDeadLetter</dead-letter-address>
            <expiry-address>ExpiryQueue</expiry-address>
         </address-setting>
      </address-settings>"""
assert xml.count("</address-settings>") == 1
open(path, "w").write(xml.replace("</address-settings>", setting.lstrip("\n"), 1))
PY
}

start_broker() {
    nice -n 5 "$BROKER_DIR/bin/artemis" run >> "$CLUSTER_DIR/broker.log" 2>&1 &
    echo $! > "$CLUSTER_DIR/broker.pid"
    local deadline=$((SECONDS + 120))
    until (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || { echo "broker not listening on $BROKER_PORT" >&2; exit 1; }
        sleep 0.5
    done
    echo "broker listening on 127.0.0.1:$BROKER_PORT"
}

kill_pid_file() {
    local file=$1 signal=$2 pid
    if [ -f "$file" ]; then
        pid=$(cat "$file")
        kill "-$signal" "$pid" 2>/dev/null || true
        rm -f "$file"
        # A node whose broker is gone can hang in its shutdown: it gets 60 s, then kill -9.
        if [ "$signal" = TERM ]; then
            for _ in $(seq 60); do
                kill -0 "$pid" 2>/dev/null || return 0
                sleep 1
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
}

# One SoftHSM2 token for both nodes, served by p11-kit server; the nodes load p11-kit's client module.
start_hsm() {
    "$(dirname "$0")/../softhsm/init-token.sh" "$HSM_DIR" > /dev/null
    rm -f "$HSM_SOCKET"
    SOFTHSM2_CONF="$HSM_DIR/softhsm2.conf" p11-kit server --foreground \
        --provider /usr/lib/softhsm/libsofthsm2.so --name "$HSM_SOCKET" "pkcs11:token=hermod-test" \
        > "$CLUSTER_DIR/hsm.log" 2>&1 &
    echo $! > "$CLUSTER_DIR/hsm.pid"
    cat > "$HSM_DIR/p11-kit-client.cfg" <<CFG
name = HermodCluster
library = /usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so
slotListIndex = 0
CFG
    local deadline=$((SECONDS + 30))
    until [ -S "$HSM_SOCKET" ]; do
        [ $SECONDS -lt $deadline ] || { echo "p11-kit server did not start" >&2; exit 1; }
        sleep 0.2
    done
    echo "HSM token served on $HSM_SOCKET"
}

prepare_node() {
    local node=$1
    rm -rf "$CLUSTER_DIR/node-$node"
    cp -r "$WILDFLY_HOME/standalone" "$CLUSTER_DIR/node-$node"
    cp "$WAR" "$CLUSTER_DIR/node-$node/deployments/hermod.war"
}

start_node() {
    local node=$1 offset
    offset=$(offset_of "$node")
    P11_KIT_SERVER_ADDRESS="unix:path=$HSM_SOCKET" \
    JAVA_OPTS="-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true --add-opens=jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED --add-opens=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED" \
    JBOSS_PIDFILE="$CLUSTER_DIR/node-$node.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    nice -n 5 "$WILDFLY_HOME/bin/standalone.sh" -c standalone-full.xml \
        -Djboss.server.base.dir="$CLUSTER_DIR/node-$node" \
        -Djboss.node.name="node-$node" -Djboss.tx.node.id="hermod-$node" \
        -Djboss.socket.binding.port-offset="$offset" -Djboss.bind.address=127.0.0.1 \
        -Dhermod.public-url="http://127.0.0.1:$LB_PORT" -Dhermod.fqdn=127.0.0.1 \
        -Dhermod.admin.user=admin -Dhermod.admin.password=test-admin-secret \
        -Dhermod.db.url="$DB_URL" -Dhermod.db.user="$DB_USER" -Dhermod.db.password="$DB_PASSWORD" \
        -Dhermod.broker.host=127.0.0.1 -Dhermod.broker.port="$BROKER_PORT" \
        -Dhermod.broker.user="$BROKER_USER" -Dhermod.broker.password="$BROKER_PASSWORD" \
        -Dhermod.secret-file="$SHARED_DIR/server-secret" \
        -Dhermod.pkcs11.config="$HSM_DIR/p11-kit-client.cfg" -Dhermod.pkcs11.pin-file="$HSM_DIR/pin" \
        -Dhermod.uem.user=uem -Dhermod.uem.password=test-uem-secret -Dhermod.uem.ca-key=cluster-uem-ca \
        -Dhermod.callback.retry-delays=1s -Dhermod.callback.max-age=10m \
        -Dhermod.callback.overdue-grace=2s -Dhermod.callback.read-timeout=2s \
        >> "$CLUSTER_DIR/node-$node.log" 2>&1 &
}

await_node() {
    local node=$1 offset url deadline
    offset=$(offset_of "$node")
    url="http://127.0.0.1:$((8080 + offset))/hermod/rest/health"
    deadline=$((SECONDS + START_TIMEOUT))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url")" = 200 ]; do
        if [ $SECONDS -ge $deadline ]; then
            echo "node $node not healthy at $url after $START_TIMEOUT s" >&2
            exit 1
        fi
        sleep 1
    done
    echo "node $node healthy at $url"
}

start_balancer() {
    sed -e "s/@LB_PORT@/$LB_PORT/" -e "s/@PORT_A@/$((8080 + OFFSET_A))/g" -e "s/@PORT_B@/$((8080 + OFFSET_B))/g" \
        "$(dirname "$0")/haproxy.cfg" > "$CLUSTER_DIR/haproxy.cfg"
    haproxy -f "$CLUSTER_DIR/haproxy.cfg" -D -p "$CLUSTER_DIR/haproxy.pid"
    echo "load balancer on 127.0.0.1:$LB_PORT"
}

case ${1:-} in
    start)
        mkdir -p "$SHARED_DIR"
        # One server secret for both nodes, made before either starts.
        [ -f "$SHARED_DIR/server-secret" ] || head -c 32 /dev/urandom | base64 -w0 > "$SHARED_DIR/server-secret"
        chmod 600 "$SHARED_DIR/server-secret"
        start_hsm
        create_broker
        start_broker
        prepare_node a
        prepare_node b
        # One node first: it runs the schema migrations alone.
        start_node a
        await_node a
        start_node b
        await_node b
        start_balancer
        ;;
    stop)
        kill_pid_file "$CLUSTER_DIR/haproxy.pid" TERM
        kill_pid_file "$CLUSTER_DIR/node-a.pid" TERM
        kill_pid_file "$CLUSTER_DIR/node-b.pid" TERM
        kill_pid_file "$CLUSTER_DIR/broker.pid" TERM
        kill_pid_file "$CLUSTER_DIR/hsm.pid" TERM
        ;;
    kill-node)
        kill_pid_file "$CLUSTER_DIR/node-$2.pid" KILL
        ;;
    start-node)
        start_node "$2"
        await_node "$2"
        ;;
    kill-broker)
        kill_pid_file "$CLUSTER_DIR/broker.pid" KILL
        ;;
    start-broker)
        start_broker
        ;;
    *)
        echo "usage: $0 start|stop|kill-node a|b|start-node a|b|kill-broker|start-broker" >&2
        exit 2
        ;;
esac
