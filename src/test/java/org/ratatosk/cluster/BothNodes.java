package org.ratatosk.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.ratatosk.cluster.Cluster.Node;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/**
 * The same call sent to node A and to node B, released together, so that the database both share
 * is what decides between them; and the operator's calls sent to one node.
 */
final class BothNodes {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private BothNodes() {
    }

    /** The call's results, node A's first. */
    static <T> List<T> atOnce(Function<Node, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> results = new ArrayList<>();
            for (Node node : Node.values()) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(node);
                }, pool));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (CompletableFuture<T> result : results) {
                all.add(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A POST of JSON to {@code /hermod/rest/<path>} on the node, with the operator's credentials or none. */
    static Reply post(Node node, String path, JsonObject body, boolean operator) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + "/hermod/rest/" + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (operator) {
            request.header("Authorization", ADMIN);
        }
        return Reply.send(Server.HTTP, request.build());
    }

    /** An operator's GET of {@code /hermod/rest/<path>} through the load balancer. */
    static Reply operatorGet(String pathAndQuery) {
        return Reply.send(Server.HTTP, HttpRequest.newBuilder(URI.create(Cluster.balancerUrl() + "/hermod/rest/" + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Authorization", ADMIN).GET().build());
    }
}
