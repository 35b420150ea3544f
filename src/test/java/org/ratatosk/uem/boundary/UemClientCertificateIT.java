package org.ratatosk.uem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.util.HexFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.platform.Hashes;
import org.ratatosk.testsupport.Server;

/**
 * The connector in client-certificate mode, over the test server's HTTPS listener that trusts the
 * test CA of server-config/test-tls.sh: only the configured certificate gets through.
 */
@ExtendWith(ArquillianExtension.class)
class UemClientCertificateIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    static UemClient over(HttpClient http, String prefix, String authorization) {
        return new UemClient(http, TestTls.baseUrl() + prefix, authorization);
    }

    @Test
    void configuredSubjectGetsThroughOthersDoNot() throws Exception {
        HttpClient accepted = TestTls.client("client");
        HttpClient intruder = TestTls.client("intruder");
        HttpClient anonymous = TestTls.client(null);
        try (ServerProperties properties = ServerProperties.open()
                .set("hermod.uem.auth", "client-cert")
                .set("hermod.uem.client-cert.subject", TestTls.ACCEPTED_SUBJECT)) {
            for (String prefix : new String[] {Uem.DEFAULT_PREFIX, Uem.CUSTOM_PREFIX}) {
                Reply info = over(accepted, prefix, null).getInfo();
                assertEquals(200, info.status(), info.toString());
                assertEquals("{\"operations\":[\"getInfo\",\"getUserKeyPair\"]}", info.body().toString());
                assertEquals(401, over(intruder, prefix, null).getInfo().status());
                assertEquals(401, over(anonymous, prefix, null).getInfo().status());
                // the Basic credentials no longer count in this mode
                assertEquals(401, over(anonymous, prefix, UemClient.basic(Uem.USER, Uem.PASSWORD)).getInfo().status());
            }
            String user = Uem.newUser();
            Uem.assertFailure(over(accepted, Uem.DEFAULT_PREFIX, null).getUserKeyPair(user, "ABCDEFGHJK", "r-cert"),
                    "r-cert", "unknownUser");
            assertEquals(401, over(intruder, Uem.DEFAULT_PREFIX, null).getUserKeyPair(user, "ABCDEFGHJK", "r-cert").status());
        }
        // back in Basic mode, the certificate alone is not enough
        assertEquals(401, over(accepted, Uem.DEFAULT_PREFIX, null).getInfo().status());
        assertEquals(200, over(anonymous, Uem.DEFAULT_PREFIX, UemClient.basic(Uem.USER, Uem.PASSWORD)).getInfo().status());
    }

    @Test
    void configuredFingerprintGetsThroughOthersDoNot() throws Exception {
        var certificate = (java.security.cert.X509Certificate) TestTls.load("client").getCertificate("client");
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(Hashes.sha256(certificate.getEncoded()));
        try (ServerProperties properties = ServerProperties.open()
                .set("hermod.uem.auth", "client-cert")
                .set("hermod.uem.client-cert.sha256", fingerprint)) {
            assertEquals(200, over(TestTls.client("client"), Uem.CUSTOM_PREFIX, null).getInfo().status());
            assertEquals(401, over(TestTls.client("intruder"), Uem.CUSTOM_PREFIX, null).getInfo().status());
        }
    }

    @Test
    void clientCertificateModeWithNothingConfiguredRefusesEveryone() throws Exception {
        try (ServerProperties properties = ServerProperties.open().set("hermod.uem.auth", "client-cert")) {
            Reply refused = over(TestTls.client("client"), Uem.DEFAULT_PREFIX, null).getInfo();
            assertEquals(401, refused.status());
            assertEquals("UNAUTHORIZED", refused.string("code"));
        }
    }
}
