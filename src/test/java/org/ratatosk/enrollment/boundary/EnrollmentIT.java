package org.ratatosk.enrollment.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.callbacks.boundary.CallbackReceiver;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * Automatic enrollment end to end: a client that opted in provisions a device, the CA key in the
 * HSM issues for the re-signed request, and the server itself sends the certificate command. The
 * application server sees both commands and both callbacks.
 */
@ExtendWith(ArquillianExtension.class)
class EnrollmentIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void provisioningOfAnOptedInClientIsFollowedByItsCertificate() throws Exception {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            Server.Client client = Server.newClient(receiver.url());
            String ca = "enroll-ca-" + UUID.randomUUID();
            KeyApi.createRsa(ca, null);
            X509Certificate caCertificate = certificate(pemBody(KeyApi.selfSignCa(ca, "Enrollment CA")));
            JsonObject policy = putPolicy(client.clientId(), policy(ca)).expectOk("policy").body();
            assertEquals(ca, policy.getString("caKey"));
            assertEquals(30, policy.getInt("validity"));

            ProvisionCommands command = ProvisionCommands.provision().externalId("enroll-" + UUID.randomUUID());
            Reply submitted = client.api().submit("provision", command.build()).expectOk("submit");
            String provisioningId = submitted.string("commandId");
            ProvisioningResult device = client.device().provision(
                    submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
            assertEquals(200, device.status(), String.valueOf(device.body()));

            JsonObject enrollment = awaitEnrollment(client, provisioningId, "ISSUED");
            String certificateCommandId = enrollment.getString("certificateCommandId");
            JsonObject certificateCommand = client.api().get(certificateCommandId).expectOk("certificate command").body();
            assertEquals("CERT", certificateCommand.getString("commandType"));
            assertEquals("IN_PROGRESS", certificateCommand.getString("state"));
            assertEquals(command.build().getJsonObject("commandHeader").getString("externalId"),
                    certificateCommand.getString("externalId"));
            assertEquals(device.profileId(), certificateCommand.getJsonArray("destinations").getJsonObject(0).getString("pid"));

            List<MailboxEntry> messages = client.device().listMessages(device.mailbox(), 5);
            assertEquals(1, messages.size());
            assertEquals("CERT", messages.get(0).commandType());
            JsonObject message = client.device().fetch(messages.get(0).location(), device.mailbox().token());
            JsonObject pushed = message.getJsonObject("certCommand").getJsonArray("certificates").getJsonObject(0);
            assertEquals("signer", pushed.getString("keyid"));
            X509Certificate issued = certificate(Base64.getDecoder().decode(pushed.getString("data")));
            assertArrayEquals(device.keys().get("signer").getPublic().getEncoded(), issued.getPublicKey().getEncoded());
            issued.verify(caCertificate.getPublicKey());
            assertEquals(caCertificate.getSubjectX500Principal(), issued.getIssuerX500Principal());
            assertEquals(ProvisionCommands.dummySubject(command.userid()),
                    X500Name.getInstance(issued.getSubjectX500Principal().getEncoded()));
            assertEquals(List.of("1.3.6.1.5.5.7.3.2"), issued.getExtendedKeyUsage());
            assertTrue(issued.getKeyUsage()[0], "digitalSignature");
            assertEquals(-1, issued.getBasicConstraints());
            long days = Duration.between(issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant()).toDays();
            assertTrue(days >= 29 && days <= 30, "validity of " + days + " days");

            assertEquals(200, client.device().answerCertificate(messages.get(0).location(), device.mailbox().token()).status());
            assertEquals("COMPLETED", client.api().awaitState(certificateCommandId, "COMPLETED", WAIT).string("state"));

            CallbackReceiver.Received provisioned = receiver.await(provisioningId, 1, WAIT).get(0);
            assertEquals("/app/rest/callback/provision", provisioned.path());
            assertEquals("COMPLETED", provisioned.body().getString("state"));
            CallbackReceiver.Received certified = receiver.await(certificateCommandId, 1, WAIT).get(0);
            assertEquals("/app/rest/callback/certificate", certified.path());
            assertEquals("COMPLETED", certified.body().getString("state"));
            assertEquals(0, certified.body().getJsonObject("certResponse").getInt("code"));
        }
    }

    @Test
    void aRefusalOfTheCaIsShownOnTheProvisioningAndSendsNothing() {
        Server.Client client = Server.newClient(null);
        String keyWithoutCertificate = "enroll-nocert-" + UUID.randomUUID();
        KeyApi.createRsa(keyWithoutCertificate, null);
        putPolicy(client.clientId(), policy(keyWithoutCertificate)).expectOk("policy");

        Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult device = client.device().provision(
                submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
        assertEquals(200, device.status());

        JsonObject enrollment = awaitEnrollment(client, submitted.string("commandId"), "FAILED");
        assertEquals("NO_CA_CERTIFICATE", enrollment.getJsonObject("error").getString("code"));
        assertFalse(enrollment.containsKey("certificateCommandId"));
        assertTrue(client.device().listMessages(device.mailbox(), null).isEmpty());
    }

    @Test
    void aClientThatDidNotOptInGetsNoEnrollment() {
        Server.Client client = Server.newClient(null);
        Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult device = client.device().provision(
                submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
        assertEquals(200, device.status());
        JsonObject completed = client.api().awaitState(submitted.string("commandId"), "COMPLETED", WAIT).body();
        assertFalse(completed.containsKey("enrollment"));
        assertEquals(404, getPolicy(client.clientId()).status());
    }

    @Test
    void policiesAreValidatedAndGuarded() {
        Server.Client client = Server.newClient(null);
        String ca = "enroll-ca-" + UUID.randomUUID();
        KeyApi.createRsa(ca, null);

        assertEquals("NOT_FOUND", putPolicy("no-such-client-" + UUID.randomUUID(), policy(ca)).string("code"));
        Reply unknownKey = putPolicy(client.clientId(), policy("no-such-key-" + UUID.randomUUID()));
        assertEquals(404, unknownKey.status());
        Reply badUsage = putPolicy(client.clientId(), Json.createObjectBuilder(policy(ca))
                .add("keyUsage", Json.createArrayBuilder().add("FLY")).build());
        assertEquals(400, badUsage.status());
        assertEquals("INVALID_FIELD", badUsage.string("code"));
        Reply caTemplate = putPolicy(client.clientId(), Json.createObjectBuilder(policy(ca))
                .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", true)).build());
        assertEquals(400, caTemplate.status());
        Reply noCaKey = putPolicy(client.clientId(), Json.createObjectBuilder().add("validity", 30).build());
        assertEquals(400, noCaKey.status());
        assertEquals(404, getPolicy(client.clientId()).status(), "no refused policy was stored");

        Reply anonymous = Server.send(Server.request(policyPath(client.clientId()))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(policy(ca).toString())));
        assertEquals(401, anonymous.status());

        putPolicy(client.clientId(), policy(ca)).expectOk("policy");
        assertEquals(ca, getPolicy(client.clientId()).expectOk("read").string("caKey"));
        assertEquals(204, Server.send(Server.request(policyPath(client.clientId())).header("Authorization", ADMIN).DELETE())
                .status());
        assertEquals(404, getPolicy(client.clientId()).status());
    }

    /** A policy body's first fault, in the order its members are checked; the CA key is looked up last. */
    @Test
    void policyBodiesAreAnsweredAsBefore() {
        Server.Client client = Server.newClient(null);
        String[][] cases = {
                {"{}", "400 INVALID_FIELD: 'caKey' is required"},
                {"{'caKey':'','validity':0}", "400 INVALID_FIELD: 'caKey' is required"},
                {"{'caKey':5,'validity':0}", "400 WRONG_TYPE: 'caKey' must be a string"},
                {"{'caKey':'no-such-key','validity':0,'lifespan':'x'}", "400 INVALID_FIELD: 'validity' must be a number of days from 1 to 36500"},
                {"{'caKey':'no-such-key','lifespan':'x','timeout':'y'}", "400 WRONG_TYPE: 'lifespan' must be a whole number"},
                {"{'caKey':'no-such-key','lifespan':0,'timeout':'y'}", "400 INVALID_FIELD: 'lifespan' must be 1 to 86400 seconds"},
                {"{'caKey':'no-such-key','lifespan':'86401'}", "400 INVALID_FIELD: 'lifespan' must be 1 to 86400 seconds"},
                {"{'caKey':'no-such-key','timeout':[]}", "400 WRONG_TYPE: 'timeout' must be a whole number"},
                {"{'caKey':'no-such-key','lifespan':null,'timeout':0}", "400 INVALID_FIELD: 'timeout' must be 1 to 86400 seconds"},
                {"{'caKey':'no-such-key','lifespan':60,'timeout':60}", "404 KEY_NOT_FOUND: No key labelled 'no-such-key'"}};
        for (String[] c : cases) {
            Reply reply = putPolicy(client.clientId(), Json.createReader(new java.io.StringReader(c[0].replace('\'', '"'))).readObject());
            assertEquals(c[1], reply.status() + " " + reply.string("code") + ": " + reply.string("message"), c[0]);
        }
    }

    static JsonObject policy(String caKey) {
        return Json.createObjectBuilder().add("caKey", caKey).add("validity", 30)
                .add("keyUsage", Json.createArrayBuilder().add("DIGITAL_SIGNATURE"))
                .add("extendedKeyUsage", Json.createArrayBuilder().add("CLIENT_AUTH"))
                .add("lifespan", 60).add("timeout", 60).build();
    }

    static String policyPath(String clientId) {
        return "/hermod/rest/admin/clients/" + clientId + "/enrollment";
    }

    static Reply putPolicy(String clientId, JsonObject body) {
        return Server.send(Server.request(policyPath(clientId)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    static Reply getPolicy(String clientId) {
        return Server.send(Server.request(policyPath(clientId)).header("Authorization", ADMIN).GET());
    }

    static JsonObject awaitEnrollment(Server.Client client, String commandId, String state) {
        JsonObject enrollment = Await.until(WAIT, () -> client.api().get(commandId).body().getJsonObject("enrollment"),
                e -> e != null && state.equals(e.getString("state")));
        if (enrollment != null && state.equals(enrollment.getString("state"))) {
            return enrollment;
        }
        throw new AssertionError("enrollment of " + commandId + " never became " + state + ", last: " + enrollment);
    }

    static byte[] pemBody(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
