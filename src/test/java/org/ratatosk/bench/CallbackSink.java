package org.ratatosk.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Acknowledges the server's callbacks on a loopback port. Without a receiver every completed
 * command would sit in the server's retry schedule and the benchmark would measure that instead.
 */
final class CallbackSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "callback-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong received = new AtomicLong();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    CallbackSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String text;
            try (InputStream body = exchange.getRequestBody()) {
                text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.incrementAndGet();
            String commandId = commandId(text);
            if (commandId != null) {
                receivedAt.putIfAbsent(commandId, now);
                synchronized (this) {
                    notifyAll();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The callbackUrl to register; the server appends {@code /callback/<type>}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/rest";
    }

    long received() {
        return received.get();
    }

    /** When the first callback for the command arrived ({@code System.nanoTime()}), or -1 after the timeout. */
    synchronized long awaitReceipt(String commandId, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        Long at;
        while ((at = receivedAt.get(commandId)) == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return -1;
            }
            wait(left);
        }
        return at;
    }

    // The envelope's first member is commandId; a full JSON parse per callback would only cost the sink time.
    static String commandId(String envelope) {
        int key = envelope.indexOf("\"commandId\"");
        if (key < 0) {
            return null;
        }
        int start = envelope.indexOf('"', envelope.indexOf(':', key) + 1) + 1;
        int end = envelope.indexOf('"', start);
        return start > 0 && end > start ? envelope.substring(start, end) : null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
