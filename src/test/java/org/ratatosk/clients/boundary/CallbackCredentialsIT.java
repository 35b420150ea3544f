package org.ratatosk.clients.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.clients.control.CallbackCredentialsUpgrade;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * Inside the server, where the database can be read: an API client's callback credentials are
 * stored sealed, shown nowhere, and still reach the callback receiver as the Basic header; a plain
 * value an earlier version stored is sealed by the start-up upgrade.
 */
@ExtendWith(ArquillianExtension.class)
class CallbackCredentialsIT {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment
    static WebArchive deployment() {
        return Server.war().addClasses(CallbackCredentialsIT.class, CallbackRecorder.class, Await.class);
    }

    @Inject
    CallbackCredentialsUpgrade upgrade;

    static String base() {
        return System.getProperty("hermod.public-url");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void putClient(String clientId, String key, String basicAuth) throws Exception {
        var body = Json.createObjectBuilder().add("key", key).add("callbackUrl", base() + "/hermod/test-callbacks")
                .add("attestationKeys", Json.createArrayBuilder());
        if (basicAuth != null) {
            body.add("callbackBasicAuth", basicAuth);
        }
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/admin/clients/" + clientId))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.build().toString())));
        assertEquals(200, put.statusCode(), put.body());
    }

    /** Submits a provisioning and cancels it, which calls back; returns the command id. */
    static String cancelledCommand(String clientId, String key) throws Exception {
        String apiKey = Base64.getEncoder().encodeToString((clientId + ":" + key).getBytes(StandardCharsets.UTF_8));
        String provision = """
                {"commandHeader":{"lifespan":60,"timeout":60},
                 "provCommand":{"nonce":"123456789","userid":"userA","responsesignaturekey":"ATTESTATION","responseformat":"jws",
                  "profile":{"servername":"nexus-cod1","name":"TestProfile","keygenrequests":[{"keyid":"signer","usage":"SIG",
                   "keystate":"ACTIVE","storageprios":["APP"],"keytypeprios":[{"keytype":"RSA","keylength":"2048",
                   "responsemechanism":"RS256"}]}]}}}""";
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/command/provision"))
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(provision)));
        assertEquals(200, submitted.statusCode(), submitted.body());
        String commandId = Json.createReader(new StringReader(submitted.body())).readObject().getString("commandId");
        HttpResponse<String> cancelled = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/command/" + commandId))
                .header("X-Api-Key", apiKey).DELETE());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        return commandId;
    }

    static DataSource database() throws Exception {
        return InitialContext.doLookup("java:comp/DefaultDataSource");
    }

    /** callback_auth_sealed and callback_basic_auth of the client, as stored. */
    static String[] stored(String clientId) throws Exception {
        try (Connection connection = database().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT callback_auth_sealed, callback_basic_auth FROM api_client WHERE client_id = ?")) {
            select.setString(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no row for " + clientId);
                return new String[]{row.getString(1), row.getString(2)};
            }
        }
    }

    /** The audit details about the client, recorded or already linked into the chain. */
    static List<String> auditDetails(String clientId) throws Exception {
        try (Connection connection = database().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT detail FROM audit_event WHERE subject_id = ?"
                     + " UNION ALL SELECT detail FROM audit_entry WHERE subject_id = ?")) {
            select.setString(1, clientId);
            select.setString(2, clientId);
            List<String> details = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    details.add(String.valueOf(rows.getString(1)));
                }
            }
            return details;
        }
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storedSealedShownNowhereAndSentAsTheBasicHeader() throws Exception {
        String clientId = "sealed-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String password = "pw-" + UUID.randomUUID();
        putClient(clientId, key, "appserver:" + password);

        String[] columns = stored(clientId);
        assertTrue(columns[0].startsWith("v1."), columns[0]);
        assertFalse(columns[0].contains(password));
        assertFalse(columns[0].contains("appserver"));
        assertFalse(new String(Base64.getUrlDecoder().decode(columns[0].substring(columns[0].lastIndexOf('.') + 1)),
                StandardCharsets.ISO_8859_1).contains(password), "not merely encoded");
        assertNull(columns[1], "nothing in the plain column");
        putClient(clientId, key, "appserver:" + password);
        assertFalse(columns[0].equals(stored(clientId)[0]), "a fresh nonce for every value sealed");

        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/admin/clients/" + clientId))
                .header("Authorization", ADMIN).GET());
        JsonObject view = Json.createReader(new StringReader(shown.body())).readObject();
        assertEquals(true, view.getBoolean("callbackBasicAuth"));
        assertFalse(shown.body().contains(password));
        HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/admin/clients"))
                .header("Authorization", ADMIN).GET());
        assertFalse(listed.body().contains(password));
        List<String> audited = auditDetails(clientId);
        assertEquals(2, audited.size(), "created and replaced: " + audited);
        audited.forEach(detail -> assertFalse(detail.contains(password), detail));

        String commandId = cancelledCommand(clientId, key);
        assertEquals(basic("appserver:" + password), CallbackRecorder.authorization(commandId, 15_000).orElseThrow(
                () -> new AssertionError("no callback for " + commandId)));
    }

    @Test
    void aPlainValueOfAnEarlierVersionIsSealedOnceAndStillSent() throws Exception {
        String clientId = "legacy-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        putClient(clientId, key, null);
        try (Connection connection = database().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE api_client SET callback_basic_auth = ? WHERE client_id = ?")) {
            update.setString(1, "legacy:plain-pw");
            update.setString(2, clientId);
            assertEquals(1, update.executeUpdate());
        }

        upgrade.sealPlainValues();
        String[] columns = stored(clientId);
        assertNull(columns[1]);
        assertTrue(columns[0].startsWith("v1."), columns[0]);
        assertFalse(columns[0].contains("plain-pw"));
        upgrade.sealPlainValues();
        assertEquals(columns[0], stored(clientId)[0], "sealed once");

        String commandId = cancelledCommand(clientId, key);
        assertEquals(basic("legacy:plain-pw"), CallbackRecorder.authorization(commandId, 15_000).orElseThrow());
    }
}
