package org.ratatosk.uem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.testsupport.ServerRestart;

/**
 * The embedded default (software key store, no CA key configured): the UEM connector issues out of
 * the box under the development CA, and the CA, the operator's stored settings and a console
 * session all outlive a restart, the CA not made a second time.
 */
@ExtendWith(ArquillianExtension.class)
class DevelopmentCaRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod-development-ca";
    static final String LABEL = "hermod-dev-uem-ca";
    static final String SETTINGS = "/hermod/rest/admin/uem/settings";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void theQuickStartIssuesUnderTheDevelopmentCaAcrossARestart() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        try {
            JsonObject key = Server.send(Server.request("/hermod/rest/v1/key/" + LABEL).header("Authorization", Uem.ADMIN).GET())
                    .expectOk("development CA key").body();
            assertEquals("software", key.getString("token"), key.toString());
            X509Certificate ca = caCertificate();
            assertTrue(ca.getBasicConstraints() >= 0, "a CA certificate");
            ca.verify(ca.getPublicKey());
            assertEquals(LABEL, settings().getString("caKey"));
            X509Certificate first = issue(ca, 365);

            ConsoleLogin console = ConsoleLogin.signIn();
            HttpResponse<String> changed = Server.HTTP.send(Server.request(SETTINGS).header("Cookie", console.cookie())
                    .header("X-CSRF-Token", console.csrf()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"caKey\":null,\"keyAlgorithm\":\"RSA_2048\",\"poolSize\":2,"
                            + "\"passwordMode\":\"random\",\"validityDays\":10}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, changed.statusCode(), changed.body());

            ServerRestart.restart(controller);

            JsonObject after = Server.send(Server.request("/hermod/rest/v1/key/" + LABEL).header("Authorization", Uem.ADMIN).GET())
                    .expectOk("development CA key after the restart").body();
            assertEquals(key.getString("publicKey"), after.getString("publicKey"), "the same CA, not a new one");
            assertEquals(ca, caCertificate());
            JsonObject settings = settings();
            assertEquals(10, settings.getInt("validityDays"), settings.toString());
            assertEquals(2, settings.getInt("poolSize"));
            assertEquals(LABEL, settings.getString("caKey"));
            X509Certificate second = issue(ca, 10);
            assertTrue(!first.getSerialNumber().equals(second.getSerialNumber()));

            HttpResponse<String> session = Server.HTTP.send(Server.request("/hermod/rest/admin/session")
                    .header("Cookie", console.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, session.statusCode(), "the console session outlives the restart: " + session.body());
            assertTrue(session.body().contains("\"csrfToken\":\"" + console.csrf() + "\""), session.body());
        } finally {
            Server.send(Server.request(SETTINGS).header("Authorization", Uem.ADMIN).DELETE());
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    /** getUserKeyPair as UEM calls it: a PKCS#12 whose certificate the development CA signed. */
    static X509Certificate issue(X509Certificate ca, int days) throws Exception {
        String user = Uem.newUser();
        Reply reply = Uem.client().getUserKeyPair(user, Uem.otp(user), Uem.reqId());
        UemKeyPairIT.Delivered delivered = UemKeyPairIT.open(reply, UemKeyPairIT.decryptionPassword(reply));
        delivered.leaf().verify(ca.getPublicKey());
        assertEquals(ca, delivered.caCertificate());
        assertEquals("CN=" + user, delivered.leaf().getSubjectX500Principal().getName());
        UemKeyPairIT.assertKeyMatchesCertificate(delivered.key(), delivered.leaf());
        long validity = Duration.between(delivered.leaf().getNotBefore().toInstant(), delivered.leaf().getNotAfter().toInstant()).toDays();
        assertTrue(Math.abs(validity - days) <= 1, validity + " days, expected " + days);
        return delivered.leaf();
    }

    static X509Certificate caCertificate() throws Exception {
        String pem = Server.send(Server.request("/hermod/rest/v1/certificate/" + LABEL).header("Authorization", Uem.ADMIN).GET())
                .expectOk("CA certificate").string("certificate");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static JsonObject settings() {
        return Server.send(Server.request(SETTINGS).header("Authorization", Uem.ADMIN).GET()).expectOk("settings").body();
    }

    /** The console's sign-in, as its page makes it. */
    record ConsoleLogin(String token, String csrf) {
        static final Pattern COOKIE = Pattern.compile("HERMOD_CONSOLE=([A-Za-z0-9_-]{43});.*");

        static ConsoleLogin signIn() throws Exception {
            HttpResponse<String> response = Server.HTTP.send(Server.request("/hermod/rest/admin/session")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"" + Server.ADMIN_USER + "\",\"password\":\"" + Server.ADMIN_PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            Matcher cookie = COOKIE.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
            assertTrue(cookie.matches());
            return new ConsoleLogin(cookie.group(1), Server.object(response.body()).getString("csrfToken"));
        }

        String cookie() {
            return "HERMOD_CONSOLE=" + token;
        }
    }
}
