package org.ratatosk.devicesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 handling on both sides of the dummy-CSR exchange: the application server sends a CSR
 * with the right subject and a throwaway key; the device re-issues it for its own new key.
 */
public final class DummyCertificationRequests {

    private DummyCertificationRequests() {
    }

    /** A CSR for {@code subject} with {@code keys}, base64 DER as the seeds carry it. */
    public static String create(X500Name subject, KeyPair keys, String signatureAlgorithm) {
        try {
            return Base64.getEncoder().encodeToString(build(subject, keys, signatureAlgorithm).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dummy's subject over the device's new key, signed with that key. */
    public static String resign(String dummyBase64, KeyPair newKeys, String signatureAlgorithm) {
        return create(parse(dummyBase64).getSubject(), newKeys, signatureAlgorithm);
    }

    /** Lenient like a device: tolerates the line breaks seed 001 shows inside the base64. */
    public static PKCS10CertificationRequest parse(String base64) {
        try {
            return new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PKCS10CertificationRequest build(X500Name subject, KeyPair keys, String signatureAlgorithm) {
        return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic()).build(signer(keys.getPrivate(), signatureAlgorithm));
    }

    static org.bouncycastle.operator.ContentSigner signer(PrivateKey key, String signatureAlgorithm) {
        try {
            Operations.SIGNATURES.increment();
            return new JcaContentSignerBuilder(signatureAlgorithm).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
