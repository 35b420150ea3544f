package org.ratatosk.uem.boundary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.platform.Jsons;

/** What BlackBerry UEM sends to a PKI connector, after seed 004, plus the operator's OTP call. */
public final class UemClient {

    private final HttpClient http;
    private final String connectorUrl;
    private final String authorization;

    /** {@code connectorUrl} is {@code <base><prefix>}; {@code authorization} null sends no credentials. */
    public UemClient(HttpClient http, String connectorUrl, String authorization) {
        this.http = http;
        this.connectorUrl = connectorUrl;
        this.authorization = authorization;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply getInfo() {
        return send(request("getInfo").GET());
    }

    public Reply postInfo() {
        return send(request("getInfo").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Reply getUserKeyPair(String user, String authToken, String reqId) {
        var body = Jsons.createObjectBuilder().add("mType", "initialCert").add("user", user).add("reqId", reqId);
        if (authToken != null) {
            body.add("authToken", authToken);
        }
        return post("getUserKeyPair", body.build().toString());
    }

    public Reply post(String operation, String body) {
        return send(request(operation).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String operation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connectorUrl + "/pki?operation=" + operation))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        return Reply.send(http, request.build());
    }

    /** The operator issues a one-time password for {@code user}. */
    public static Reply issueOtp(HttpClient http, String baseUrl, String adminAuthorization, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/hermod/rest/admin/uem/users/"
                        + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8).replace("+", "%20") + "/otp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (adminAuthorization != null) {
            request.header("Authorization", adminAuthorization);
        }
        return Reply.send(http, request.build());
    }
}
