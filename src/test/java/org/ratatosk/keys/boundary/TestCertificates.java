package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** Test-side certificate work: CSRs from fresh keys, PEM parsing, and checking chains two ways. */
public final class TestCertificates {

    private TestCertificates() {
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csr(KeyPair pair, String subject) {
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return pem("CERTIFICATE REQUEST", request.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        var out = new java.io.StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> chain = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(object.getContent())));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return chain;
    }

    /** BouncyCastle: the leaf's signature verifies with the CA's key and the names chain. */
    public static boolean verifiesWithBouncyCastle(X509Certificate leaf, X509Certificate ca) throws Exception {
        X509CertificateHolder holder = new X509CertificateHolder(leaf.getEncoded());
        return holder.getIssuer().equals(new X509CertificateHolder(ca.getEncoded()).getSubject())
                && holder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca.getPublicKey()));
    }

    /** Runs {@code openssl verify -CAfile ca leaf} and returns its output; asserts exit status 0. */
    public static String opensslVerify(X509Certificate ca, X509Certificate leaf, Path dir) throws Exception {
        Path caFile = Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
        Path leafFile = Files.writeString(dir.resolve("leaf.pem"), pem("CERTIFICATE", leaf.getEncoded()));
        Process openssl = new ProcessBuilder("openssl", "verify", "-x509_strict", "-CAfile", caFile.toString(),
                leafFile.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, openssl.waitFor(), "openssl verify: " + output);
        return output;
    }
}
