package org.ratatosk.ca.control;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.tokens.control.KeySpec;

/**
 * What a certificate or request asks for, in the Securosys names: validity in days, key usages,
 * extended key usages, basic constraints and signature algorithm.
 */
public record CertificateProfile(Duration validity, int keyUsageBits, List<KeyPurposeId> extendedKeyUsages,
                                 boolean certificateAuthority, Integer pathLength, String signatureAlgorithm) {

    static final long MAX_VALIDITY_DAYS = 36500;

    private static final Map<String, Integer> KEY_USAGES = Map.ofEntries(
            Map.entry("DIGITAL_SIGNATURE", KeyUsage.digitalSignature),
            Map.entry("NON_REPUDIATION", KeyUsage.nonRepudiation),
            Map.entry("CONTENT_COMMITMENT", KeyUsage.nonRepudiation),
            Map.entry("KEY_ENCIPHERMENT", KeyUsage.keyEncipherment),
            Map.entry("DATA_ENCIPHERMENT", KeyUsage.dataEncipherment),
            Map.entry("KEY_AGREEMENT", KeyUsage.keyAgreement),
            Map.entry("KEY_CERT_SIGN", KeyUsage.keyCertSign),
            Map.entry("CRL_SIGN", KeyUsage.cRLSign),
            Map.entry("ENCIPHER_ONLY", KeyUsage.encipherOnly),
            Map.entry("DECIPHER_ONLY", KeyUsage.decipherOnly));

    private static final Map<String, KeyPurposeId> EXTENDED_KEY_USAGES = Map.ofEntries(
            Map.entry("SERVER_AUTH", KeyPurposeId.id_kp_serverAuth),
            Map.entry("CLIENT_AUTH", KeyPurposeId.id_kp_clientAuth),
            Map.entry("CODE_SIGNING", KeyPurposeId.id_kp_codeSigning),
            Map.entry("EMAIL_PROTECTION", KeyPurposeId.id_kp_emailProtection),
            Map.entry("TIME_STAMPING", KeyPurposeId.id_kp_timeStamping),
            Map.entry("OCSP_SIGNING", KeyPurposeId.id_kp_OCSPSigning),
            Map.entry("SMARTCARD_LOGON", KeyPurposeId.id_kp_smartcardlogon),
            Map.entry("ANY_EXTENDED_KEY_USAGE", KeyPurposeId.anyExtendedKeyUsage));

    private static final Map<String, String> SIGNATURE_ALGORITHMS = Map.of(
            "SHA256_WITH_RSA", "SHA256withRSA",
            "SHA384_WITH_RSA", "SHA384withRSA",
            "SHA512_WITH_RSA", "SHA512withRSA",
            "SHA256_WITH_ECDSA", "SHA256withECDSA",
            "SHA384_WITH_ECDSA", "SHA384withECDSA",
            "SHA512_WITH_ECDSA", "SHA512withECDSA");

    /** Reads the profile fields of a request body; validity is required only when {@code needsValidity}. */
    public static CertificateProfile parse(JsonObject body, boolean needsValidity) {
        ProfileBody fields = needsValidity ? Bodies.bind(body, ProfileBody.class, ProfileBody.Dated.class)
                : Bodies.bind(body, ProfileBody.class);
        return fields.profile();
    }

    static int keyUsage(String name) {
        Integer bit = KEY_USAGES.get(name.toUpperCase(Locale.ROOT));
        if (bit == null) {
            throw InvalidInput.field("Unknown keyUsage '" + name + "'; known: " + KEY_USAGES.keySet());
        }
        return bit;
    }

    static KeyPurposeId extendedKeyUsage(String name) {
        KeyPurposeId known = EXTENDED_KEY_USAGES.get(name.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        if (name.matches("[0-2](\\.\\d+)+")) {
            return KeyPurposeId.getInstance(new ASN1ObjectIdentifier(name));
        }
        throw InvalidInput.field("Unknown extendedKeyUsage '" + name + "'; known: "
                + EXTENDED_KEY_USAGES.keySet() + " or a dotted OID");
    }

    static String signatureAlgorithm(String name) {
        String algorithm = SIGNATURE_ALGORITHMS.get(name.toUpperCase(Locale.ROOT));
        if (algorithm == null) {
            throw InvalidInput.field("Unknown signatureAlgorithm '" + name + "'; known: "
                    + SIGNATURE_ALGORITHMS.keySet());
        }
        return algorithm;
    }

    /** The signature algorithm to use with a key: the one asked for, checked against the key's type. */
    public String signatureAlgorithmFor(KeySpec key) {
        if (signatureAlgorithm == null) {
            return key.defaultSignatureAlgorithm();
        }
        boolean rsa = signatureAlgorithm.endsWith("RSA");
        if (rsa != "RSA".equals(key.algorithm())) {
            throw InvalidInput.field("signatureAlgorithm " + signatureAlgorithm
                    + " does not fit a " + key.algorithm() + " key");
        }
        return signatureAlgorithm;
    }
}
