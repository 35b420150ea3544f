package org.ratatosk.messaging.boundary;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application server's callback endpoint that refuses the first POST of every delivery id with
 * 503 and accepts the ones after it (while {@link #refuseAll} is set it refuses every POST), and remembers, per command, the delivery ids and the states
 * it was told about, so a test can see a second delivery or a second final state of one command.
 */
public final class FlakyCallbackReceiver implements AutoCloseable {

    /** What arrived for one command. */
    public record Seen(Set<String> deliveryIds, Set<String> states, Set<String> acceptedDeliveryIds) {
    }

    private final Map<String, Seen> byCommand = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> postsByDelivery = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final Map<String, Long> firstPostNanos = new ConcurrentHashMap<>();
    private volatile boolean refuseAll;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    public FlakyCallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String text;
            try (InputStream in = exchange.getRequestBody()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long arrived = System.nanoTime();
            posts.incrementAndGet();
            String deliveryId = exchange.getRequestHeaders().getFirst("X-Hermod-Delivery");
            JsonObject body = Json.createReader(new StringReader(text)).readObject();
            firstPostNanos.putIfAbsent(body.getString("commandId"), arrived);
            Seen seen = byCommand.computeIfAbsent(body.getString("commandId"),
                    id -> new Seen(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet()));
            seen.deliveryIds().add(String.valueOf(deliveryId));
            seen.states().add(body.getString("state"));
            boolean refuse = postsByDelivery.computeIfAbsent(String.valueOf(deliveryId), id -> new AtomicInteger())
                    .incrementAndGet() == 1 || refuseAll;
            if (!refuse) {
                seen.acceptedDeliveryIds().add(String.valueOf(deliveryId));
            }
            exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The callbackUrl to register; the server appends {@code /callback/<type>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/app/rest";
    }

    /** While true every POST is refused with 503, not only the first of each delivery id. */
    public void refuseAll(boolean refuse) {
        refuseAll = refuse;
    }

    /** What arrived for the command, or null when nothing did. */
    public Seen seen(String commandId) {
        return byCommand.get(commandId);
    }

    /** When the first POST about the command arrived ({@link System#nanoTime()}), or null when none did. */
    public Long firstPostNanos(String commandId) {
        return firstPostNanos.get(commandId);
    }

    /** How many POSTs carried the delivery id. */
    public int posts(String deliveryId) {
        AtomicInteger count = postsByDelivery.get(deliveryId);
        return count == null ? 0 : count.get();
    }

    public int posts() {
        return posts.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
