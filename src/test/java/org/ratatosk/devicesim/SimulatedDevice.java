package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.time.Duration;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Smart ID credential app as the server sees it, written from the wire contract alone so that
 * it can check a server it shares no code with. It speaks only HTTP: list a mailbox, fetch a
 * message, post an answer.
 */
public class SimulatedDevice {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final KeyPair attestation;
    private final HttpClient http;
    private final KeySource keySource;

    public SimulatedDevice(KeyPair attestation, HttpClient http) {
        this(attestation, http, KeySource.onDemand());
    }

    public SimulatedDevice(KeyPair attestation, HttpClient http, KeySource keySource) {
        this.attestation = attestation;
        this.http = http;
        this.keySource = keySource;
    }

    /** See {@link Mailbox#fromUri(String)}. */
    public static Mailbox parseUri(String uri) {
        return Mailbox.fromUri(uri);
    }

    public KeyPair attestationKeys() {
        return attestation;
    }

    /** {@code GET <boxUrl>[?wait=N]}; throws {@link UnexpectedReplyException} unless 200. */
    public List<MailboxEntry> listMessages(String boxUrl, String token, Integer waitSeconds) {
        Reply reply = list(boxUrl, token, waitSeconds).expectOk("list " + boxUrl);
        return reply.body().getJsonArray("messages").stream().map(v -> MailboxEntry.of(v.asJsonObject())).toList();
    }

    public List<MailboxEntry> listMessages(Mailbox box, Integer waitSeconds) {
        return listMessages(box.url(), box.token(), waitSeconds);
    }

    /** The raw listing reply, for tests that expect a refusal. */
    public Reply list(String boxUrl, String token, Integer waitSeconds) {
        String url = waitSeconds == null ? boxUrl : boxUrl + (boxUrl.contains("?") ? "&" : "?") + "wait=" + waitSeconds;
        Duration timeout = REQUEST_TIMEOUT.plusSeconds(waitSeconds == null ? 0 : waitSeconds);
        return send(request(url, token, timeout).GET().build());
    }

    /** {@code GET <location>}; throws {@link UnexpectedReplyException} unless 200. */
    public JsonObject fetch(String location, String token) {
        return get(location, token).expectOk("fetch " + location).body();
    }

    public Reply get(String location, String token) {
        return send(request(location, token, REQUEST_TIMEOUT).GET().build());
    }

    /** Builds the attested answer without sending it. */
    public ProvisioningAnswer buildProvisioningAnswer(JsonObject message, AnswerOptions options) {
        return ProvisioningAnswers.build(message, attestation, keySource, options);
    }

    /** Answers a fetched {@code PROV} message at {@code location}. */
    public ProvisioningResult answerProvisioning(String location, JsonObject message, String token, AnswerOptions options) {
        ProvisioningAnswer answer = buildProvisioningAnswer(message, options);
        Reply reply = answer(location, token, answer.body());
        return new ProvisioningResult(reply.status(), reply.body(), answer.mailbox(), answer.keys(), answer.profileId(), answer.jws());
    }

    public ProvisioningResult answerProvisioning(String location, JsonObject message, String token) {
        return answerProvisioning(location, message, token, AnswerOptions.valid());
    }

    /** Acknowledges a {@code CERT} message: {@code {"certResponse":{"code":0}}}. */
    public Reply answerCertificate(String location, String token) {
        return answer(location, token, Json.createObjectBuilder()
                .add("certResponse", Json.createObjectBuilder().add("code", 0)).build());
    }

    /** A message waiting in a mailbox, fetched: where to answer it and what it says. */
    public record Fetched(String location, JsonObject message) {

        public String commandType() {
            return message.getJsonObject("header").getString("commandType");
        }
    }

    /** Waits up to {@code waitSeconds} for the first message of the box and fetches it. */
    public Fetched next(Mailbox box, int waitSeconds) {
        List<MailboxEntry> entries = listMessages(box, null);
        if (entries.isEmpty()) {
            entries = listMessages(box, waitSeconds);
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no message in " + box.url() + " within " + waitSeconds + " s");
        }
        String location = entries.get(0).location();
        return new Fetched(location, fetch(location, box.token()));
    }

    /**
     * Answers a fetched message the way the app would: signs sign/authenticate with the profile key
     * {@code keyid}, reports itself to a ping, and acknowledges delete, startpinreset (with a nonce)
     * and endpinreset.
     */
    public Reply answer(Mailbox box, Fetched fetched, String profileId, Map<String, KeyPair> keys, String keyid,
                        boolean detached, Set<SignFault> faults) {
        JsonObject body = switch (fetched.commandType()) {
            case "SIGN", "AUTH" -> SignatureAnswers.build(fetched.message(), keys, keyid, detached, faults);
            case "PING" -> SignatureAnswers.ping(fetched.message(), profileId, AnswerOptions.DEFAULT_DEVICEINFO);
            case "DELETE" -> SignatureAnswers.plain("deleteResponse", 0, JsonValue.EMPTY_JSON_OBJECT);
            case "SPIN" -> SignatureAnswers.plain("spinResponse", 0,
                    Json.createObjectBuilder().add("nonce", java.util.UUID.randomUUID().toString().replace("-", "")).build());
            case "EPIN" -> SignatureAnswers.plain("epinResponse", 0, JsonValue.EMPTY_JSON_OBJECT);
            case "CERT" -> SignatureAnswers.plain("certResponse", 0, JsonValue.EMPTY_JSON_OBJECT);
            default -> throw new IllegalArgumentException("cannot answer " + fetched.commandType());
        };
        return answer(fetched.location(), box.token(), body);
    }

    /** A valid answer with the profile key {@code keyid}. */
    public Reply answer(Mailbox box, Fetched fetched, ProvisioningResult profile, String keyid) {
        return answer(box, fetched, profile.profileId(), profile.keys(), keyid, false, Set.of());
    }

    /** POSTs any answer body to a message location. */
    public Reply answer(String location, String token, JsonObject body) {
        return send(request(location, token, REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Fetches the single {@code PROV} message of a provisioning uri's temporary box and answers it. */
    public ProvisioningResult provision(String uri, AnswerOptions options) {
        Mailbox box = parseUri(uri);
        List<MailboxEntry> entries = listMessages(box, null);
        if (entries.isEmpty()) {
            entries = listMessages(box, 10);
        }
        MailboxEntry entry = entries.stream().filter(e -> "PROV".equals(e.commandType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PROV message in " + box.url()));
        JsonObject message = fetch(entry.location(), box.token());
        return answerProvisioning(entry.location(), message, box.token(), options);
    }

    private HttpRequest.Builder request(String url, String token, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest request) {
        return Reply.send(http, request);
    }
}
