package org.ratatosk.callbacks.boundary;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An application server's callback endpoint inside the test: records every POST and answers with
 * the statuses it was told to (then 204), optionally after a pause. It can be started late, on a
 * port chosen up front, to play a receiver that is down.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One POST as received. */
    public record Received(String path, String deliveryId, String authorization, JsonObject body, long receivedNanos) {
    }

    private final int port;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private volatile Duration pause = Duration.ZERO;
    private volatile int defaultStatus = 204;
    private HttpServer server;
    private ExecutorService executor;

    private CallbackReceiver(int port) {
        this.port = port;
    }

    public static CallbackReceiver started() {
        return new CallbackReceiver(freePort()).start();
    }

    /** A receiver that is down until {@link #start()}. */
    public static CallbackReceiver notStarted() {
        return new CallbackReceiver(freePort());
    }

    public synchronized CallbackReceiver start() {
        try {
            // A server making its callbacks after a backlog opens hundreds of connections at once: a
            // short accept queue would drop them and time its attempts out in the receiver, not the server.
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String text;
            try (InputStream in = exchange.getRequestBody()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonObject body = text.isBlank() ? null : Json.createReader(new StringReader(text)).readObject();
            long pauseMillis = pause.toMillis();
            synchronized (this) {
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-Hermod-Delivery"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body, System.nanoTime()));
                notifyAll();
            }
            sleep(pauseMillis);
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? defaultStatus : status, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    /** The callbackUrl to register; the server appends {@code /callback/<type>}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/app/rest";
    }

    /** Answers the next POSTs with these statuses, in order, then with the default. */
    public CallbackReceiver respond(int... next) {
        for (int status : next) {
            statuses.add(status);
        }
        return this;
    }

    public CallbackReceiver alwaysRespond(int status) {
        defaultStatus = status;
        return this;
    }

    public CallbackReceiver pause(Duration before) {
        pause = before;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The POSTs for one command, waiting up to {@code timeout} until there are at least {@code count}. */
    public synchronized List<Received> await(String commandId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> forCommand = received.stream()
                    .filter(r -> r.body() != null && commandId.equals(r.body().getString("commandId", null))).toList();
            long left = deadline - System.nanoTime();
            if (forCommand.size() >= count || left <= 0) {
                return forCommand;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return forCommand;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
