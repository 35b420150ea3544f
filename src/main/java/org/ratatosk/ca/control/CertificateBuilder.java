package org.ratatosk.ca.control;

import java.io.IOException;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.TokenSigner;

/** Builds X.509 v3 certificates and has the issuer's key in the token sign them. */
public final class CertificateBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The issuing key: its label in the token, its name and its key identifier. */
    public record Issuer(String label, X500Name name, PublicKey publicKey, byte[] keyIdentifier, String signatureAlgorithm) {
    }

    /** The certificate to issue. */
    public record Subject(X500Name name, PublicKey publicKey, GeneralNames alternativeNames, Duration validity,
                          int keyUsageBits, List<KeyPurposeId> extendedKeyUsages, boolean certificateAuthority,
                          Integer pathLength) {
    }

    private CertificateBuilder() {
    }

    /** A positive serial number of 128 random bits. */
    static BigInteger serial() {
        byte[] bytes = new byte[16];
        BigInteger serial;
        do {
            RANDOM.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    public static byte[] keyIdentifier(PublicKey key) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key).getKeyIdentifier();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate valid from {@code now}, to the second, for the subject's validity. */
    public static X509Certificate issue(CryptoToken token, Issuer issuer, Subject subject, Instant now) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(subject.validity());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.name(), serial(),
                Date.from(notBefore), Date.from(notAfter), subject.name(), subject.publicKey());
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(keyIdentifier(subject.publicKey())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                    issuer.keyIdentifier() != null ? issuer.keyIdentifier() : keyIdentifier(issuer.publicKey())));
            builder.addExtension(Extension.basicConstraints, true, subject.certificateAuthority() && subject.pathLength() != null
                    ? new BasicConstraints(subject.pathLength()) : new BasicConstraints(subject.certificateAuthority()));
            if (subject.keyUsageBits() != 0) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(subject.keyUsageBits()));
            }
            if (!subject.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(subject.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            if (subject.alternativeNames() != null && subject.alternativeNames().getNames().length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, subject.name().getRDNs().length == 0,
                        subject.alternativeNames());
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new TokenSigner(token, issuer.label(), issuer.signatureAlgorithm())));
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("Cannot build the certificate", e);
        }
    }
}
