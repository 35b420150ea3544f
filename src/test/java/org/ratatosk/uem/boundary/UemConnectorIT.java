package org.ratatosk.uem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratatosk.uem.boundary.Uem.assertFailure;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/** The connector's protocol as UEM sees it, short of issuing: operations, authentication, refusals. */
@ExtendWith(ArquillianExtension.class)
class UemConnectorIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @ParameterizedTest
    @ValueSource(strings = {Uem.DEFAULT_PREFIX, Uem.CUSTOM_PREFIX})
    void getInfoListsExactlyTheImplementedOperations(String prefix) {
        for (Reply reply : new Reply[] {Uem.client(prefix).getInfo(), Uem.client(prefix).postInfo()}) {
            assertEquals(200, reply.status(), reply.toString());
            assertEquals("{\"operations\":[\"getInfo\",\"getUserKeyPair\"]}", reply.body().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Uem.DEFAULT_PREFIX, Uem.CUSTOM_PREFIX})
    void withoutTheConnectorCredentialsIs401(String prefix) {
        String url = Server.baseUrl() + prefix;
        for (UemClient client : new UemClient[] {new UemClient(Server.HTTP, url, null),
                new UemClient(Server.HTTP, url, UemClient.basic(Uem.USER, "wrong")),
                new UemClient(Server.HTTP, url, UemClient.basic(Server.ADMIN_USER, Server.ADMIN_PASSWORD))}) {
            Reply info = client.getInfo();
            assertEquals(401, info.status());
            assertEquals("UNAUTHORIZED", info.string("code"));
            Reply keyPair = client.getUserKeyPair("someone@example.com", "ABCDEFGHJK", "r-401");
            assertEquals(401, keyPair.status());
        }
        var challenge = Server.send(Server.request(Uem.DEFAULT_PREFIX + "/pki?operation=getInfo").GET());
        assertEquals(401, challenge.status());
    }

    @Test
    void basicChallengeIsAnnounced() throws Exception {
        var response = Server.HTTP.send(HttpRequest.newBuilder(URI.create(Server.baseUrl() + Uem.CUSTOM_PREFIX + "/pki?operation=getInfo"))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
    }

    @Test
    void otherPathsNextToTheCustomPrefixAreNotTheConnector() {
        assertEquals(404, Server.send(Server.request(Uem.CUSTOM_PREFIX + "/pkix?operation=getInfo")
                .header("Authorization", UemClient.basic(Uem.USER, Uem.PASSWORD)).GET()).status());
    }

    @Test
    void operatorIssuesOneTimePasswords() {
        String user = Uem.newUser();
        Instant before = Instant.now();
        Reply issued = UemClient.issueOtp(Server.HTTP, Server.baseUrl(), Uem.ADMIN, user, "{\"validitySeconds\":300}");
        assertEquals(200, issued.status(), issued.toString());
        String otp = issued.string("otp");
        assertEquals(10, otp.length());
        assertTrue(otp.matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}"), otp);
        Instant expires = Instant.parse(issued.string("expires"));
        assertTrue(!expires.isBefore(before.plusSeconds(299)) && !expires.isAfter(Instant.now().plusSeconds(301)), expires.toString());
        assertTrue(!otp.equals(Uem.otp(user)));
    }

    @Test
    void oneTimePasswordsNeedTheOperator() {
        String user = Uem.newUser();
        assertEquals(401, UemClient.issueOtp(Server.HTTP, Server.baseUrl(), null, user, "{\"validitySeconds\":60}").status());
        assertEquals(401, UemClient.issueOtp(Server.HTTP, Server.baseUrl(), UemClient.basic(Uem.USER, Uem.PASSWORD), user,
                "{\"validitySeconds\":60}").status());
        // nothing was issued, so the user stays unknown to the connector
        assertFailure(Uem.client().getUserKeyPair(user, "ABCDEFGHJK", "r1"), "r1", "unknownUser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"validitySeconds\":0}", "{\"validitySeconds\":-5}", "{\"validitySeconds\":\"soon\"}",
            "{\"validitySeconds\":99999999}", "[1]", "{oops"})
    void badValidityIs400(String body) {
        Reply refused = UemClient.issueOtp(Server.HTTP, Server.baseUrl(), Uem.ADMIN, Uem.newUser(), body);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.string("code").matches("INVALID_FIELD|WRONG_TYPE|MALFORMED_JSON"), refused.toString());
    }

    @Test
    void unknownUserIsUnknownUser() {
        assertFailure(Uem.client().getUserKeyPair(Uem.newUser(), "ABCDEFGHJK", "12487"), "12487", "unknownUser");
    }

    @Test
    void wrongPasswordIsAuthFailure() {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        assertFailure(Uem.client().getUserKeyPair(user, otp.substring(1) + "2", "r-wrong"), "r-wrong", "authFailure");
        assertFailure(Uem.client().getUserKeyPair(user, null, "r-none"), "r-none", "authFailure");
    }

    @Test
    void expiredPasswordIsAuthFailure() throws InterruptedException {
        String user = Uem.newUser();
        String otp = Uem.otp(user, 1);
        Thread.sleep(1500);
        assertFailure(Uem.client().getUserKeyPair(user, otp, "r-expired"), "r-expired", "authFailure");
    }

    @Test
    void fiveWrongAttemptsLockThePassword() {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        for (int i = 0; i < 5; i++) {
            assertFailure(Uem.client().getUserKeyPair(user, "WRONGPASS" + (i + 2), "r-lock-" + i), "r-lock-" + i, "authFailure");
        }
        assertFailure(Uem.client().getUserKeyPair(user, otp, "r-lock-right"), "r-lock-right", "authFailure");
    }

    @Test
    void malformedBodiesAreBadRequest() {
        UemClient client = Uem.client();
        assertFailure(client.post("getUserKeyPair", "{not json"), "", "badRequest");
        assertFailure(client.post("getUserKeyPair", "{\"mType\":\"initialCert\",\"reqId\":\"r-nouser\"}"), "r-nouser", "badRequest");
        assertFailure(client.post("getUserKeyPair", "{\"mType\":\"initialCert\",\"user\":42,\"reqId\":\"r-type\"}"), "r-type", "badRequest");
        assertFailure(client.post("getUserKeyPair", "{\"user\":\"a@b.c\",\"reqId\":\"r-nomtype\"}"), "r-nomtype", "badRequest");
        Reply get = Server.send(Server.request(Uem.DEFAULT_PREFIX + "/pki?operation=getUserKeyPair")
                .header("Authorization", UemClient.basic(Uem.USER, Uem.PASSWORD)).GET());
        assertFailure(get, "", "badRequest");
        assertFailure(client.post("", "{\"reqId\":\"r-noop\"}"), "r-noop", "badRequest");
    }

    @Test
    void unknownMessageTypeOrOperationIsUnknownRequest() {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        UemClient client = Uem.client();
        assertFailure(client.post("getUserKeyPair", "{\"mType\":\"renewCert\",\"user\":\"" + user + "\",\"authToken\":\""
                + otp + "\",\"reqId\":\"r-mtype\"}"), "r-mtype", "unknownRequest");
        assertFailure(client.post("revokeCert", "{\"reqId\":\"r-op\"}"), "r-op", "unknownRequest");
        assertFailure(client.post("getCACertificates", ""), "", "unknownRequest");
    }

    @Test
    void unsupportedKeyAlgorithmIsBadAlg() {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        try (ServerProperties properties = ServerProperties.open().set("hermod.uem.key-algorithm", "RSA-1024")) {
            assertFailure(Uem.client().getUserKeyPair(user, otp, "r-alg"), "r-alg", "badAlg");
            properties.set("hermod.uem.key-algorithm", "EC-P384");
            assertFailure(Uem.client().getUserKeyPair(user, otp, "r-alg2"), "r-alg2", "badAlg");
        }
    }
}
