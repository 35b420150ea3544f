package org.ratatosk.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    CallbackSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            received.incrementAndGet();
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
