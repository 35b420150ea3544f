package org.ratatosk.cluster;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/**
 * Devices long-polling their empty mailboxes and application servers long-polling pending
 * commands, all through the load balancer, each again as soon as its last poll returned. A poll
 * that fails is recorded with when it started and ended, and the poller tries again at once.
 */
final class Pollers implements AutoCloseable {

    static final int WAIT_SECONDS = 5;

    /** A poll that did not answer 200. */
    record Failure(String poller, long startedNanos, long endedNanos, String error) {
    }

    private final ExecutorService threads;
    private final List<Failure> failures = new ArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    /** Per poller, when its latest successful poll started. */
    private final java.util.Map<String, Long> lastSuccessStarted = new java.util.concurrent.ConcurrentHashMap<>();
    /** Pollers whose poll after a failure failed too. */
    private final List<String> failedTwice = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private volatile boolean running = true;

    Pollers(Server.Client client, List<Mailbox> emptyBoxes, List<String> pendingCommands) {
        threads = Executors.newFixedThreadPool(emptyBoxes.size() + pendingCommands.size());
        for (Mailbox box : emptyBoxes) {
            start("device " + box.bid(), () -> client.device().list(box.url(), box.token(), WAIT_SECONDS));
        }
        for (String commandId : pendingCommands) {
            start("application server awaiting " + commandId, () -> client.api().await(commandId, WAIT_SECONDS));
        }
    }

    private void start(String poller, Supplier<Reply> poll) {
        synchronized (this) {
            names.add(poller);
        }
        threads.execute(() -> {
            boolean lastFailed = false;
            while (running) {
                long started = System.nanoTime();
                String error;
                try {
                    Reply reply = poll.get();
                    error = reply.status() == 200 ? null : reply.status() + " " + reply.raw();
                } catch (UncheckedIOException e) {
                    error = String.valueOf(e.getCause());
                }
                polls.incrementAndGet();
                synchronized (this) {
                    if (error != null) {
                        failures.add(new Failure(poller, started, System.nanoTime(), error));
                        if (lastFailed) {
                            failedTwice.add(poller);
                        }
                    }
                }
                lastFailed = error != null;
                if (error == null) {
                    lastSuccessStarted.put(poller, started);
                }
            }
        });
    }

    synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    synchronized List<String> failedTwice() {
        return List.copyOf(failedTwice);
    }

    /** The names of all pollers. */
    synchronized java.util.Set<String> pollers() {
        return java.util.Set.copyOf(names);
    }

    /** The pollers that had a successful poll which started after {@code nanos}. */
    java.util.Set<String> succeededAfter(long nanos) {
        return lastSuccessStarted.entrySet().stream().filter(e -> e.getValue() - nanos > 0).map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    int polls() {
        return polls.get();
    }

    /** Stops after the polls in flight returned. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(WAIT_SECONDS + 30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
