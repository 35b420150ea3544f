package org.ratatosk.cluster;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.testsupport.Server;

/**
 * The topology the cluster profile started (src/test/cluster/cluster.sh): where each node and the
 * load balancer listen, and the script's commands that kill and start nodes and the broker.
 */
final class Cluster {

    enum Node {
        A("a", "OFFSET_A"), B("b", "OFFSET_B");

        final String name;
        final String offsetKey;

        Node(String name, String offsetKey) {
            this.name = name;
            this.offsetKey = offsetKey;
        }

        /** {@code http://127.0.0.1:<8080 + offset>}. */
        String url() {
            return "http://127.0.0.1:" + (8080 + Integer.parseInt(ENV.getProperty(offsetKey)));
        }

        /** The API client's Messaging API, sent to this node only. */
        HermodClient api(Server.Client client) {
            return new HermodClient(Server.HTTP, url(), client.clientId(), client.key());
        }

        /** A url the server handed out (it names the load balancer), sent to this node instead. */
        String local(String serverUrl) {
            URI given = URI.create(serverUrl);
            return url() + given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
        }

        Mailbox local(Mailbox box) {
            return new Mailbox(local(box.url()), box.token());
        }
    }

    static final Properties ENV = load();

    private Cluster() {
    }

    static String balancerUrl() {
        return "http://127.0.0.1:" + ENV.getProperty("LB_PORT");
    }

    static void killNode(Node node) {
        run("kill-node", node.name);
    }

    /** Starts the node on its own data again and returns once it is healthy. */
    static void startNode(Node node) {
        run("start-node", node.name);
    }

    static void killBroker() {
        run("kill-broker");
    }

    static void startBroker() {
        run("start-broker");
    }

    private static void run(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = System.getProperty("hermod.cluster.script", "src/test/cluster/cluster.sh");
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("CLUSTER_ENV", System.getProperty("hermod.cluster.env", "target/cluster/cluster.env"));
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("hermod.cluster.env", "target/cluster/cluster.env")))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("no cluster.env: run the tests with -Pcluster", e);
        }
        return properties;
    }
}
