package org.ratatosk.uem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/**
 * The UEM connector's settings changed through the operator API: validated, audited, in force for
 * the next request without a restart, and forgotten again on DELETE. The test server keys live in
 * its SoftHSM token, which never gets the development CA.
 */
@ExtendWith(ArquillianExtension.class)
class UemSettingsIT {

    static final String SETTINGS = "/hermod/rest/admin/uem/settings";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @AfterEach
    void backToTheSystemProperties() {
        assertEquals(204, Server.send(Server.request(SETTINGS).header("Authorization", Uem.ADMIN).DELETE()).status());
    }

    @Test
    void startsFromTheSystemPropertiesAndAnHsmGetsNoDevelopmentCa() {
        JsonObject settings = get();
        assertEquals(Json.createObjectBuilder().addNull("caKey").add("keyAlgorithm", "RSA_2048").add("poolSize", 8)
                .add("passwordMode", "random").add("validityDays", 365).build(), settings);
        Reply devCa = Server.send(Server.request("/hermod/rest/v1/key/hermod-dev-uem-ca").header("Authorization", Uem.ADMIN).GET());
        assertEquals(404, devCa.status(), devCa.toString());
        assertEquals("KEY_NOT_FOUND", devCa.string("code"));
        String user = Uem.newUser();
        Uem.assertFailure(Uem.client().getUserKeyPair(user, Uem.otp(user), "r-none"), "r-none", "unknown");
    }

    @Test
    void aStoredChangeAppliesToTheNextRequest() throws Exception {
        TestCaKey ca = TestCaKey.create();
        JsonObject stored = put(body(ca.label(), "EC_P256", 3, "otp", 30)).expectOk("put").body();
        assertEquals(body(ca.label(), "EC_P256", 3, "otp", 30), stored);
        assertEquals(stored, get());

        String user = Uem.newUser();
        String otp = Uem.otp(user);
        Reply reply = Uem.client().getUserKeyPair(user, otp, Uem.reqId());
        assertNull(reply.string("decryptionPassword"), "sealed with the one-time password");
        UemKeyPairIT.Delivered delivered = UemKeyPairIT.open(reply, otp);
        assertTrue(delivered.key() instanceof ECPrivateKey);
        delivered.leaf().verify(ca.certificate().getPublicKey());
        long days = Duration.between(delivered.leaf().getNotBefore().toInstant(), delivered.leaf().getNotAfter().toInstant()).toDays();
        assertTrue(days >= 29 && days <= 31, "30 days: " + days);

        // the key type's name as the system property writes it is taken too, and shown as the API names it
        assertEquals("RSA_3072", put(body(ca.label(), "RSA-3072", 0, "random", 365)).expectOk("put").string("keyAlgorithm"));
        String next = Uem.newUser();
        Reply rsa = Uem.client().getUserKeyPair(next, Uem.otp(next), Uem.reqId());
        UemKeyPairIT.Delivered rsaDelivered = UemKeyPairIT.open(rsa, UemKeyPairIT.decryptionPassword(rsa));
        assertEquals(3072, ((RSAPublicKey) rsaDelivered.leaf().getPublicKey()).getModulus().bitLength());

        Reply audit = Server.send(Server.request("/hermod/rest/admin/audit?subjectType=uem-settings&subjectId=current&limit=2")
                .header("Authorization", Uem.ADMIN).GET());
        var entries = Server.array(audit.raw());
        assertEquals("UPDATED", entries.getJsonObject(0).getString("action"));
        assertEquals(365, entries.getJsonObject(0).getJsonObject("detail").getInt("validityDays"));
        assertEquals(30, entries.getJsonObject(1).getJsonObject("detail").getInt("validityDays"));
    }

    @Test
    void refusesWhatItCannotUseAndKeepsWhatWasStored() {
        TestCaKey ca = TestCaKey.create();
        JsonObject good = body(ca.label(), "RSA_2048", 4, "random", 90);
        put(good).expectOk("put");
        for (String bad : List.of(body("no-such-ca-key", "RSA_2048", 4, "random", 90).toString(),
                body(ca.label(), "DSA_1024", 4, "random", 90).toString(),
                body(ca.label(), "RSA_2048", 1001, "random", 90).toString(),
                body(ca.label(), "RSA_2048", -1, "random", 90).toString(),
                body(ca.label(), "RSA_2048", 4, "sometimes", 90).toString(),
                body(ca.label(), "RSA_2048", 4, "random", 0).toString(),
                "{\"keyAlgorithm\":\"RSA_2048\",\"poolSize\":4,\"passwordMode\":\"random\",\"validityDays\":90}",
                Json.createObjectBuilder(good).add("extra", 1).build().toString())) {
            Reply refused = Server.send(Server.request(SETTINGS).header("Authorization", Uem.ADMIN)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(bad)));
            assertEquals(400, refused.status(), bad + " " + refused);
            assertEquals("INVALID_FIELD", refused.string("code"), bad);
        }
        assertEquals(good, get());
        assertEquals(401, Server.send(Server.request(SETTINGS).GET()).status());
        assertEquals(0, put(body(null, "RSA_2048", 0, "random", 1)).expectOk("put").body().getInt("poolSize"));
        assertTrue(get().isNull("caKey"));
    }

    static JsonObject body(String caKey, String algorithm, int poolSize, String mode, int days) {
        var body = Json.createObjectBuilder();
        if (caKey == null) {
            body.addNull("caKey");
        } else {
            body.add("caKey", caKey);
        }
        return body.add("keyAlgorithm", algorithm).add("poolSize", poolSize).add("passwordMode", mode).add("validityDays", days).build();
    }

    static JsonObject get() {
        return Server.send(Server.request(SETTINGS).header("Authorization", Uem.ADMIN).GET()).expectOk("get").body();
    }

    static Reply put(JsonObject body) {
        return Server.send(Server.request(SETTINGS).header("Authorization", Uem.ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }
}
