package org.ratatosk.keys.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/** PEM encoding of certificates and requests, and reading of PEM (or bare base64 DER) input. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String chain(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(certificate(c)));
        return pem.toString();
    }

    /** The PEM blocks of a text this server wrote, each with its armour, in order. */
    public static List<String> split(String pem) {
        List<String> blocks = new ArrayList<>();
        int start = pem.indexOf("-----BEGIN ");
        while (start >= 0) {
            int end = pem.indexOf("-----END ", start);
            int close = pem.indexOf("-----", end + 9) + 5;
            int next = pem.indexOf('\n', close);
            int stop = next < 0 ? pem.length() : next + 1;
            blocks.add(pem.substring(start, stop));
            start = pem.indexOf("-----BEGIN ", stop);
        }
        return blocks;
    }

    /** The DER objects of a PEM text, or the DER of bare base64. */
    public static List<byte[]> decode(String text, String field) {
        List<byte[]> objects = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw InvalidInput.field("'" + field + "' is required");
        }
        if (!text.contains("-----BEGIN")) {
            try {
                byte[] der = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
                if (der.length == 0) {
                    throw new IllegalArgumentException("empty");
                }
                objects.add(der);
                return objects;
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("'" + field + "' is neither PEM nor base64 DER");
            }
        }
        try (PemReader reader = new PemReader(new StringReader(text.replace("\\n", "\n")))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                objects.add(object.getContent());
            }
        } catch (IOException | RuntimeException e) {
            throw InvalidInput.field("'" + field + "' is not valid PEM");
        }
        if (objects.isEmpty()) {
            throw InvalidInput.field("'" + field + "' holds no PEM object");
        }
        return objects;
    }

    public static List<X509Certificate> certificates(String text, String field) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : decode(text, field)) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new InvalidInput(ErrorCode.INVALID_CERTIFICATE, "'" + field + "' holds something that is not an X.509 certificate");
        }
        return chain;
    }
}
