package org.ratatosk.devicesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A throwaway CA standing in for the customer's PKI, so a test can send a {@code certCommand} whose
 * certificate really carries the device's key. EC keeps issuing cheap enough for a benchmark.
 */
public class TestCa {

    private final KeyPair keys = KeySpec.ec(256).generate();
    private final X500Name name = new X500Name("CN=Ratatosk Test CA,O=Ratatosk Test");
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    private final X509Certificate certificate = build(name, keys.getPublic(), true);

    public X509Certificate certificate() {
        return certificate;
    }

    /** An end-entity certificate for {@code key}, valid for a day. */
    public X509Certificate issue(PublicKey key, String subject) {
        return build(new X500Name(subject), key, false);
    }

    private X509Certificate build(X500Name subject, PublicKey key, boolean ca) {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial.incrementAndGet()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(DummyCertificationRequests.signer(keys.getPrivate(), "SHA256withECDSA")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
