package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Command bodies shaped like seed 000's, with a real dummy CSR, so tests and the benchmark submit
 * what an application server would rather than hand-written JSON.
 */
public final class ProvisionCommands {

    private static final String DUMMY_CSR_PLACEHOLDER = "(dummy csr for the user)";
    private static volatile KeyPair dummyKey;

    private String userid = "user-" + UUID.randomUUID().toString().substring(0, 8);
    private String nonce = UUID.randomUUID().toString();
    private String servername = "ratatosk-test";
    private String name = "TestProfile";
    private String externalId;
    private List<String> to = List.of("@tmp");
    private int lifespan = 300;
    private int timeout = 300;
    private final List<JsonObject> keygenrequests = new ArrayList<>();

    public static ProvisionCommands provision() {
        return new ProvisionCommands();
    }

    public ProvisionCommands userid(String value) { userid = value; return this; }
    public ProvisionCommands nonce(String value) { nonce = value; return this; }
    public ProvisionCommands servername(String value) { servername = value; return this; }
    public ProvisionCommands name(String value) { name = value; return this; }
    public ProvisionCommands externalId(String value) { externalId = value; return this; }
    public ProvisionCommands to(String... addresses) { to = List.of(addresses); return this; }
    public ProvisionCommands lifespan(int seconds) { lifespan = seconds; return this; }
    public ProvisionCommands timeout(int seconds) { timeout = seconds; return this; }

    /**
     * Adds a keygen request like seed 000's (SIG, APP storage, ACTIVE); {@link #build()} gives it a
     * dummy CSR for the user.
     */
    public ProvisionCommands key(String keyid, JsonObject... keytypeprios) {
        JsonArrayBuilder prios = Json.createArrayBuilder();
        for (JsonObject prio : keytypeprios) {
            prios.add(prio);
        }
        return key(Json.createObjectBuilder()
                .add("keyid", keyid)
                .add("usage", "SIG")
                .add("keytypeprios", prios)
                .add("storageprios", Json.createArrayBuilder().add("APP"))
                .add("keystate", "ACTIVE")
                .add("certreq", DUMMY_CSR_PLACEHOLDER)
                .build());
    }

    /** Adds any keygen request as given. */
    public ProvisionCommands key(JsonObject keygenrequest) {
        keygenrequests.add(keygenrequest);
        return this;
    }

    public static JsonObject rsa(int bits, String alg) {
        return Json.createObjectBuilder().add("keytype", "RSA").add("keylength", String.valueOf(bits))
                .add("responsemechanism", alg).build();
    }

    public static JsonObject ec(int bits) {
        return Json.createObjectBuilder().add("keytype", "EC").add("keylength", String.valueOf(bits))
                .add("responsemechanism", "ES" + bits).build();
    }

    public String nonce() {
        return nonce;
    }

    public String userid() {
        return userid;
    }

    public JsonObject build() {
        if (keygenrequests.isEmpty()) {
            key("signer", rsa(2048, "RS256"));
        }
        JsonArrayBuilder keys = Json.createArrayBuilder();
        String csr = null;
        for (JsonObject request : keygenrequests) {
            if (DUMMY_CSR_PLACEHOLDER.equals(request.getString("certreq", null))) {
                csr = csr == null ? dummyCsr(userid) : csr;
                request = Json.createObjectBuilder(request).add("certreq", csr).build();
            }
            keys.add(request);
        }
        return Json.createObjectBuilder()
                .add("commandHeader", header(to, lifespan, timeout, externalId))
                .add("provCommand", Json.createObjectBuilder()
                        .add("nonce", nonce)
                        .add("userid", userid)
                        .add("responsesignaturekey", "ATTESTATION")
                        .add("responseformat", "jws")
                        .add("profile", Json.createObjectBuilder()
                                .add("servername", servername)
                                .add("name", name)
                                .add("keygenrequests", keys)))
                .build();
    }

    /** A {@code certificate} command body sending {@code certificate} for {@code keyid} to the profile. */
    public static JsonObject certificate(String profileId, String keyid, X509Certificate certificate, int lifespan) {
        try {
            return Json.createObjectBuilder()
                    .add("commandHeader", header(List.of(profileId), lifespan, lifespan, null))
                    .add("certCommand", Json.createObjectBuilder()
                            .add("profileid", profileId)
                            .add("certificates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                    .add("keyid", keyid)
                                    .add("keystate", "ACTIVE")
                                    .add("data", Base64.getEncoder().encodeToString(certificate.getEncoded())))))
                    .build();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code CN=<userid>,O=Ratatosk Test} on a throwaway key, as the seed's dummy CSR is. */
    public static X500Name dummySubject(String userid) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, userid).addRDN(BCStyle.O, "Ratatosk Test").build();
    }

    public static String dummyCsr(String userid) {
        return DummyCertificationRequests.create(dummySubject(userid), dummyKey(), "SHA256withRSA");
    }

    private static JsonObjectBuilder header(List<String> to, int lifespan, int timeout, String externalId) {
        JsonArrayBuilder addresses = Json.createArrayBuilder();
        to.forEach(addresses::add);
        JsonObjectBuilder header = Json.createObjectBuilder().add("to", addresses).add("lifespan", lifespan).add("timeout", timeout);
        if (externalId != null) {
            header.add("externalId", externalId);
        }
        return header;
    }

    // The dummy key only fills the CSR's key slot; one per JVM keeps command building cheap.
    private static KeyPair dummyKey() {
        if (dummyKey == null) {
            synchronized (ProvisionCommands.class) {
                if (dummyKey == null) {
                    dummyKey = KeySpec.rsa(2048).generate();
                }
            }
        }
        return dummyKey;
    }
}
