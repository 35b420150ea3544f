package org.ratatosk.callbacks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One HTTP attempt at a callback, with short connect and read timeouts so a slow or silent
 * receiver costs seconds, not a server thread for minutes.
 */
@ApplicationScoped
public class CallbackSender {

    public static final String DELIVERY_HEADER = "X-Hermod-Delivery";

    @Inject
    CallbackSettings settings;

    @Resource
    ManagedExecutorService executor;

    private HttpClient http;

    @PostConstruct
    void open() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** The callback URL for a command type: {@code <callbackUrl>/callback/<type>}. */
    public static String url(String callbackUrl, String typePath) {
        String base = callbackUrl.endsWith("/") ? callbackUrl.substring(0, callbackUrl.length() - 1) : callbackUrl;
        return base + "/callback/" + typePath;
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

        public Optional<String> failure() {
            return Optional.ofNullable(error);
        }
    }

    /** POSTs the envelope. */
    public Outcome post(String url, String basicAuth, String deliveryId, String envelope) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Outcome.failed("Invalid callback URL");
        }
        request.timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header(DELIVERY_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (basicAuth != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Outcome.failed("No answer within " + settings.readTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return Outcome.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("Interrupted");
        }
    }
}
