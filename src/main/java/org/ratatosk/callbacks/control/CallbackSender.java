package org.ratatosk.callbacks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * HTTP attempts at callbacks, with short connect and read timeouts so a slow or silent receiver
 * costs seconds, not a server thread for minutes. A batch of them goes out concurrently, a bounded
 * number at a time, each with the same timeouts as one alone.
 * <p>
 * Each POST is made, blocking, on a thread of a pool that keeps its idle threads for the next
 * batch. An asynchronous send would be cheaper in threads only in appearance: the JDK's client
 * hands every response of an asynchronous send to the default executor of its futures, which on a
 * machine of two cores starts a new thread per task, so a backlog of callbacks started as many
 * threads as it had callbacks.
 */
@ApplicationScoped
public class CallbackSender {

    public static final String DELIVERY_HEADER = "X-Hermod-Delivery";

    @Inject
    CallbackSettings settings;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService posting;

    private HttpClient http;

    @PostConstruct
    void open() {
        // Never a queue: a POST that waits for the client's own tasks must not stand in line before them.
        posting = Executors.newCachedThreadPool(threads);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(posting)
                .build();
    }

    @PreDestroy
    void close() {
        posting.shutdownNow();
    }

    /** The callback URL for a command type: {@code <callbackUrl>/callback/<type>}. */
    public static String url(String callbackUrl, String typePath) {
        String base = callbackUrl.endsWith("/") ? callbackUrl.substring(0, callbackUrl.length() - 1) : callbackUrl;
        return base + "/callback/" + typePath;
    }

    /** One POST to make: where, with the client's {@code user:password} or null, under which delivery id. */
    public record Post(String url, String basicAuth, String deliveryId, String envelope) {
    }

    /**
     * What one POST came to: the receiver's HTTP status, null when no answer came, and why the
     * attempt failed, null when the receiver acknowledged with 2xx.
     */
    public record Outcome(Integer httpStatus, String error) {

        public static Outcome failed(String error) {
            return new Outcome(null, error);
        }

        public boolean delivered() {
            return error == null;
        }
    }

    /** An outcome with when its POST started and when it ended. */
    public record Timed(Instant started, Instant ended, Outcome outcome) {
    }

    /** POSTs the envelope. */
    public Outcome post(String url, String basicAuth, String deliveryId, String envelope) {
        return postAll(List.of(new Post(url, basicAuth, deliveryId, envelope)), 1).get(0).outcome();
    }

    /**
     * Makes the POSTs, at most {@code inFlight} at a time, and waits for all of them; their outcomes
     * in the order of {@code posts}. Each POST ends within the connect and read timeouts, so the
     * whole takes at most about {@code posts / inFlight} times that.
     */
    public List<Timed> postAll(List<Post> posts, int inFlight) {
        Semaphore slots = new Semaphore(Math.max(1, inFlight));
        List<CompletableFuture<Timed>> pending = new ArrayList<>(posts.size());
        boolean interrupted = false;
        for (Post post : posts) {
            if (!interrupted) {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            Instant started = clock.instant();
            if (interrupted) {
                pending.add(CompletableFuture.completedFuture(new Timed(started, started, Outcome.failed("Interrupted"))));
                continue;
            }
            try {
                pending.add(CompletableFuture.supplyAsync(() -> send(post), posting).handle((outcome, failure) -> {
                    slots.release();
                    return new Timed(started, clock.instant(), failure == null ? outcome : describe(failure));
                }));
            } catch (RejectedExecutionException closing) {
                slots.release();
                pending.add(CompletableFuture.completedFuture(new Timed(started, started, Outcome.failed("The server is stopping"))));
            }
        }
        List<Timed> outcomes = new ArrayList<>(posts.size());
        for (CompletableFuture<Timed> future : pending) {
            try {
                outcomes.add(future.get());
            } catch (InterruptedException e) {
                interrupted = true;
                Instant now = clock.instant();
                outcomes.add(future.getNow(new Timed(now, now, Outcome.failed("Interrupted"))));
            } catch (ExecutionException e) {
                Instant now = clock.instant();
                outcomes.add(new Timed(now, now, describe(e.getCause())));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcomes;
    }

    /** One POST, on the calling thread. */
    private Outcome send(Post post) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(post.url()));
        } catch (IllegalArgumentException e) {
            return Outcome.failed("Invalid callback URL");
        }
        request.timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header(DELIVERY_HEADER, post.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(post.envelope(), StandardCharsets.UTF_8));
        if (post.basicAuth() != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(post.basicAuth().getBytes(StandardCharsets.UTF_8)));
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IllegalArgumentException e) {
            return Outcome.failed("Invalid callback URL");
        } catch (IOException e) {
            return describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("Interrupted");
        }
    }

    /** Why a POST got no answer, as the delivery records it. */
    private Outcome describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return Outcome.failed("No answer within " + settings.readTimeout().toMillis() + " ms");
        }
        return Outcome.failed(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}
