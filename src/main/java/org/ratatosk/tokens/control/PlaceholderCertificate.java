package org.ratatosk.tokens.control;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Key stores keep a private key only together with a certificate. This one exists just to bind the
 * key pair to its label inside the token; the certificates a key is known by are kept beside it.
 */
final class PlaceholderCertificate {

    private PlaceholderCertificate() {
    }

    static X509Certificate create(String label, PublicKey publicKey, PrivateKey privateKey, Provider provider,
                                  String algorithm) throws GeneralSecurityException {
        X500Name name = new X500Name("CN=" + label.replaceAll("[,+=\"\\\\<>;#]", "_"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plus(36500, ChronoUnit.DAYS)), name, publicKey);
        Signature signature = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        signature.initSign(privateKey);
        AlgorithmIdentifier identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        ContentSigner signer = new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return identifier;
            }

            @Override
            public OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                try {
                    signature.update(tbs.toByteArray());
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GeneralSecurityException cause) {
                throw cause;
            }
            throw e;
        } catch (CertificateException e) {
            throw e;
        }
    }
}
