package org.ratatosk.devicesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class ProvisionCommandsTest {

    @Test
    void provisionBodyHasSeed000sShape() {
        ProvisionCommands builder = ProvisionCommands.provision().userid("userA").nonce("123456789").externalId("my-id")
                .lifespan(120).timeout(240);

        JsonObject body = builder.build();

        JsonObject header = body.getJsonObject("commandHeader");
        assertEquals("@tmp", header.getJsonArray("to").getString(0));
        assertEquals(120, header.getInt("lifespan"));
        assertEquals(240, header.getInt("timeout"));
        assertEquals("my-id", header.getString("externalId"));
        JsonObject command = body.getJsonObject("provCommand");
        assertEquals("123456789", command.getString("nonce"));
        assertEquals("userA", command.getString("userid"));
        assertEquals("ATTESTATION", command.getString("responsesignaturekey"));
        assertEquals("jws", command.getString("responseformat"));
        JsonObject request = command.getJsonObject("profile").getJsonArray("keygenrequests").getJsonObject(0);
        assertEquals("signer", request.getString("keyid"));
        assertEquals("SIG", request.getString("usage"));
        assertEquals("ACTIVE", request.getString("keystate"));
        assertEquals("APP", request.getJsonArray("storageprios").getString(0));
        JsonObject prio = request.getJsonArray("keytypeprios").getJsonObject(0);
        assertEquals("RSA", prio.getString("keytype"));
        assertEquals("2048", prio.getString("keylength"));
        assertEquals("RS256", prio.getString("responsemechanism"));
        assertEquals(new X500Name("CN=userA,O=Ratatosk Test"), DummyCertificationRequests.parse(request.getString("certreq")).getSubject());
    }

    @Test
    void dummyCsrFollowsAUseridSetAfterTheKey() {
        JsonObject body = ProvisionCommands.provision().key("k", ProvisionCommands.ec(256)).userid("late").build();

        String csr = body.getJsonObject("provCommand").getJsonObject("profile").getJsonArray("keygenrequests")
                .getJsonObject(0).getString("certreq");
        assertEquals(ProvisionCommands.dummySubject("late"), DummyCertificationRequests.parse(csr).getSubject());
    }

    @Test
    void certificateCommandCarriesACertificateForTheDeviceKey() throws Exception {
        KeyPair deviceKey = KeySpec.ec(256).generate();
        TestCa ca = new TestCa();

        JsonObject body = ProvisionCommands.certificate("p-1", "signer", ca.issue(deviceKey.getPublic(), "CN=userA"), 60);

        assertEquals("p-1", body.getJsonObject("commandHeader").getJsonArray("to").getString(0));
        JsonObject command = body.getJsonObject("certCommand");
        assertEquals("p-1", command.getString("profileid"));
        JsonObject entry = command.getJsonArray("certificates").getJsonObject(0);
        assertEquals("signer", entry.getString("keyid"));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(entry.getString("data"))));
        assertEquals(deviceKey.getPublic(), certificate.getPublicKey());
        certificate.verify(ca.certificate().getPublicKey());
        assertTrue(certificate.getBasicConstraints() < 0);
    }
}
