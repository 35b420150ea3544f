package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ratatosk.approvals.boundary.Approver;
import org.ratatosk.approvals.boundary.Rules;
import org.ratatosk.testsupport.Server;
import org.ratatosk.testsupport.ServerRestart;

/**
 * Without an HSM the server keeps keys in its software key store: the same key, CA and approval
 * flows work there, and the keys are still there after a restart.
 */
@ExtendWith(ArquillianExtension.class)
class SoftwareTokenRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod-software-token";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @TempDir
    Path dir;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void keysCaAndApprovalsWorkOnTheSoftwareTokenAcrossARestart() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        try {
            String ca = "software-ca-" + UUID.randomUUID();
            assertEquals("software", KeyApi.createRsa(ca, null).getString("token"));
            X509Certificate root = TestCertificates.certificates(KeyApi.selfSignCa(ca, "Software CA")).get(0);
            X509Certificate before = issue(ca);
            assertTrue(TestCertificates.verifiesWithBouncyCastle(before, root));
            TestCertificates.opensslVerify(root, before, dir);

            Approver officer = Approver.ec("officer");
            String governed = "software-governed-" + UUID.randomUUID();
            KeyApi.createRsa(governed, Rules.policy(Rules.rule(0, 600, Rules.group("G", 1, officer)), null, null, null));
            String id = KeyApi.post("certificate/request", KeyApi.csrBody(governed, "software"))
                    .expectOk("csr").string("signRequestId");
            assertEquals("EXECUTED", officer.approve(id).expectOk("approve").string("status"));

            // RFC 6979 needs the private key, which the software key store holds: the same digest, the same signature.
            String ec = "software-deterministic-" + UUID.randomUUID();
            KeyApi.post("key", TsbIT.tsbKey(ec, "EC", null, "1.2.840.10045.3.1.7")).expectOk("ec");
            String deterministic = deterministicSignature(ec);
            assertEquals(deterministic, deterministicSignature(ec));
            assertTrue(TsbIT.jdkVerifies("SHA256withECDSA", publicKey(ec), DETERMINISTIC_PAYLOAD,
                    Base64.getDecoder().decode(deterministic)));

            Path store = Path.of(System.getProperty("hermod.test.data.dir"), "keys.p12");
            assertTrue(Files.isRegularFile(store), store + " holds the keys");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    store.resolveSibling("keys.p12.password"))));

            ServerRestart.restart(controller);

            X509Certificate after = issue(ca);
            assertTrue(TestCertificates.verifiesWithBouncyCastle(after, root), "the same CA key signs after the restart");
            assertEquals(deterministic, deterministicSignature(ec), "the same key after the restart");
            assertEquals("UP", Server.send(Server.request("/hermod/rest/health").GET()).body()
                    .getJsonObject("checks").getJsonObject("hsm").getString("status"));
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    static final byte[] DETERMINISTIC_PAYLOAD = "deterministic".getBytes(StandardCharsets.UTF_8);

    static PublicKey publicKey(String label) throws Exception {
        String encoded = KeyApi.post("key/attributes", Json.createObjectBuilder().add("label", label).build())
                .expectOk("public key").body().getJsonObject("json").getString("publicKey");
        return KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    static String deterministicSignature(String label) {
        return KeyApi.post("synchronousSign", TsbIT.signBody(label, "SHA256_WITH_ECDSA_DETERMINISTIC", "DER",
                Base64.getEncoder().encodeToString(DETERMINISTIC_PAYLOAD))).expectOk("deterministic").string("signature");
    }

    static X509Certificate issue(String ca) {
        return TestCertificates.certificates(KeyApi.post("certificate/sign", KeyApi.signBody(ca,
                TestCertificates.csr(TestCertificates.rsa(), "CN=software-leaf"), 5, List.of("DIGITAL_SIGNATURE"),
                List.of("CLIENT_AUTH"))).expectOk("sign").string("certificate")).get(0);
    }
}
