package org.ratatosk.callbacks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.Config;

/** POSTs made together: each with its own outcome, in order, never more in flight than allowed. */
class CallbackSenderTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Map<String, String> deliveryIdByPath = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private CallbackSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        receiver.setExecutor(threads);
        receiver.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            boolean counted = true;
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
                deliveryIdByPath.put(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst(CallbackSender.DELIVERY_HEADER));
                Thread.sleep(50);
                String path = exchange.getRequestURI().getPath();
                // No longer in flight once answered: the sender may start the next POST as soon as
                // the answer reaches it, before this handler's last lines run.
                inFlight.decrementAndGet();
                counted = false;
                exchange.sendResponseHeaders(path.endsWith("/fail") ? 503 : 204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (counted) {
                    inFlight.decrementAndGet();
                }
                exchange.close();
            }
        });
        receiver.start();
        CallbackSettings settings = new CallbackSettings();
        settings.config = new Config();
        settings.read();
        sender = new CallbackSender();
        sender.settings = settings;
        sender.clock = Clock.systemUTC();
        sender.threads = managed();
        sender.open();
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.stop(0);
        threads.shutdownNow();
    }

    @Test
    void postsGoOutTogetherBoundedAndAnswerInTheirOrder() {
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        List<CallbackSender.Post> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            posts.add(new CallbackSender.Post(base + "/" + i + (i % 5 == 0 ? "/fail" : "/ok"), null, "delivery-" + i, "{}"));
        }
        List<CallbackSender.Timed> outcomes = sender.postAll(posts, 4);
        assertEquals(24, outcomes.size());
        for (int i = 0; i < 24; i++) {
            CallbackSender.Timed outcome = outcomes.get(i);
            if (i % 5 == 0) {
                assertEquals(503, outcome.outcome().httpStatus());
                assertEquals("HTTP 503", outcome.outcome().error());
            } else {
                assertEquals(204, outcome.outcome().httpStatus());
                assertTrue(outcome.outcome().delivered());
            }
            assertFalse(outcome.ended().isBefore(outcome.started()));
            assertEquals("delivery-" + i, deliveryIdByPath.get("/" + i + (i % 5 == 0 ? "/fail" : "/ok")));
        }
        assertTrue(mostInFlight.get() <= 4, "at most 4 in flight, saw " + mostInFlight.get());
        assertTrue(mostInFlight.get() >= 2, "the POSTs overlapped, saw " + mostInFlight.get());
    }

    @Test
    void failuresWithoutAnswerHaveNoStatus() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        List<CallbackSender.Timed> outcomes = sender.postAll(List.of(
                new CallbackSender.Post("http://127.0.0.1:" + closed + "/x", "user:pw", "d1", "{}"),
                new CallbackSender.Post("not a url", null, "d2", "{}")), 2);
        assertNull(outcomes.get(0).outcome().httpStatus());
        assertTrue(outcomes.get(0).outcome().error().startsWith("ConnectException"), outcomes.get(0).toString());
        assertNull(outcomes.get(1).outcome().httpStatus());
        assertEquals("Invalid callback URL", outcomes.get(1).outcome().error());
        assertEquals("HTTP 503", sender.post("http://127.0.0.1:" + receiver.getAddress().getPort() + "/one/fail",
                null, "d3", "{}").error());
    }

    @Test
    void batchesAfterTheFirstStartNoThreadsOfTheirOwn() {
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        List<CallbackSender.Post> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            posts.add(new CallbackSender.Post(base + "/again/" + i + "/ok", null, "delivery-" + i, "{}"));
        }
        sender.postAll(posts, 4);
        long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        for (int round = 0; round < 3; round++) {
            assertTrue(sender.postAll(posts, 4).stream().allMatch(timed -> timed.outcome().delivered()));
        }
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before;
        assertTrue(started < 24, "72 POSTs after the first batch started " + started + " threads");
    }

    /** The container's thread factory, played by the JDK's. */
    private static ManagedThreadFactory managed() {
        ThreadFactory plain = Executors.defaultThreadFactory();
        return (ManagedThreadFactory) Proxy.newProxyInstance(CallbackSenderTest.class.getClassLoader(),
                new Class<?>[] {ManagedThreadFactory.class}, (proxy, method, arguments) -> {
                    try {
                        return method.invoke(plain, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
