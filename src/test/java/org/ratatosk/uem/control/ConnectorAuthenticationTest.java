package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratatosk.devicesim.TestCa;
import org.ratatosk.platform.Hashes;
import org.ratatosk.uem.control.ConnectorAuthentication.Settings;

class ConnectorAuthenticationTest {

    static final TestCa CA = new TestCa();
    // BouncyCastle writes RDNs in the order given, RFC 2253 reads them backwards: this is CN=uem.example.com,O=Example
    static final X509Certificate UEM = CA.issue(KeyAlgorithm.EC_P256.generate().getPublic(), "O=Example,CN=uem.example.com");
    static final X509Certificate OTHER = CA.issue(KeyAlgorithm.EC_P256.generate().getPublic(), "O=Example,CN=intruder.example.com");
    static final Date NOW = new Date();

    static Settings basic(String user, String password) {
        return new Settings("basic", user, password, null, null);
    }

    static Settings cert(String subject, String sha256) {
        return new Settings("client-cert", null, null, subject, sha256);
    }

    static String header(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(Hashes.sha256(certificate.getEncoded()));
    }

    static Optional<String> decide(Settings settings, String authorization, X509Certificate... chain) {
        return ConnectorAuthentication.refusal(settings, authorization, chain.length == 0 ? null : chain, NOW);
    }

    @Test
    void basicAcceptsTheConfiguredCredentials() {
        assertEquals(Optional.empty(), decide(basic("uem", "pässword:with colon"), header("uem:pässword:with colon")));
        assertEquals(Optional.empty(), decide(basic("uem", "pw"), "basic " + Base64.getEncoder().encodeToString("uem:pw".getBytes())));
    }

    @Test
    void basicRefusesWrongMissingOrMalformedCredentials() {
        Settings settings = basic("uem", "pw");
        assertTrue(decide(settings, header("uem:wrong")).orElseThrow().contains("Wrong"));
        assertTrue(decide(settings, header("other:pw")).isPresent());
        assertTrue(decide(settings, null).orElseThrow().contains("required"));
        assertTrue(decide(settings, "Bearer abc").isPresent());
        assertTrue(decide(settings, "Basic %%%").orElseThrow().contains("Malformed"));
    }

    @Test
    void basicWithoutConfiguredCredentialsRefusesEveryone() {
        assertTrue(decide(basic(null, null), header("admin:admin")).orElseThrow().contains("HERMOD_UEM_USER"));
        assertTrue(decide(basic("uem", null), header("uem:")).isPresent());
    }

    @Test
    void basicModeIgnoresAClientCertificate() {
        assertTrue(decide(basic("uem", "pw"), null, UEM).isPresent());
    }

    @Test
    void clientCertificateMatchedBySubject() {
        assertEquals("CN=uem.example.com,O=Example", UEM.getSubjectX500Principal().getName());
        assertEquals(Optional.empty(), decide(cert("CN=uem.example.com, O=Example", null), null, UEM, CA.certificate()));
        assertEquals(Optional.empty(), decide(cert("cn=uem.example.com,o=example", null), null, UEM));
        assertTrue(decide(cert("CN=uem.example.com,O=Example", null), null, OTHER).orElseThrow().contains("subject"));
    }

    @Test
    void clientCertificateMatchedByFingerprintInAnyNotation() throws Exception {
        String hex = fingerprint(UEM);
        assertEquals(Optional.empty(), decide(cert(null, hex), null, UEM));
        String colons = hex.toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");
        assertEquals(Optional.empty(), decide(cert(null, colons), null, UEM));
        assertTrue(decide(cert(null, hex), null, OTHER).orElseThrow().contains("fingerprint"));
        assertTrue(decide(cert(null, "not-hex"), null, UEM).isPresent());
    }

    @Test
    void bothConfiguredMeansBothMustMatch() throws Exception {
        assertEquals(Optional.empty(), decide(cert("CN=uem.example.com,O=Example", fingerprint(UEM)), null, UEM));
        assertTrue(decide(cert("CN=uem.example.com,O=Example", fingerprint(OTHER)), null, UEM).isPresent());
    }

    @Test
    void clientCertificateModeRefusesWithoutCertificateOrConfiguration() {
        assertTrue(decide(cert("CN=uem.example.com,O=Example", null), header("uem:pw")).orElseThrow().contains("required"));
        assertTrue(decide(cert(null, " "), null, UEM).orElseThrow().contains("configured"));
    }

    @Test
    void expiredClientCertificateIsRefused() {
        Date later = Date.from(Instant.now().plus(Duration.ofDays(3)));
        assertTrue(ConnectorAuthentication.refusal(cert("CN=uem.example.com,O=Example", null), null,
                new X509Certificate[] {UEM}, later).orElseThrow().contains("not valid"));
    }

    @Test
    void unknownModeRefusesEveryone() {
        assertTrue(decide(new Settings("none", "uem", "pw", null, null), header("uem:pw")).orElseThrow().contains("mode"));
        assertEquals(Optional.empty(), decide(new Settings(" Client-Cert ", null, null, "CN=uem.example.com,O=Example", null), null, UEM));
    }
}
