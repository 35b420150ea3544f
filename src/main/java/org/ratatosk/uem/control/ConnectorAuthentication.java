package org.ratatosk.uem.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.ratatosk.platform.Hashes;

/**
 * Decides whether a request comes from the configured BlackBerry UEM: by HTTP Basic, or by the
 * TLS client certificate the server's HTTPS listener verified against its trust store, matched
 * on subject DN and/or SHA-256 fingerprint. Anything not configured is refused.
 */
public final class ConnectorAuthentication {

    public static final String BASIC = "basic";
    public static final String CLIENT_CERT = "client-cert";
    public static final String BASIC_CHALLENGE = "Basic realm=\"hermod-uem\", charset=\"UTF-8\"";

    /** The raw settings; {@code subject} and {@code sha256} are each optional, not both. */
    public record Settings(String mode, String user, String password, String subject, String sha256) {
    }

    private ConnectorAuthentication() {
    }

    /** Empty when accepted, otherwise why not (for the 401 message and the log). */
    public static Optional<String> refusal(Settings settings, String authorization, X509Certificate[] chain, Date now) {
        String mode = settings.mode() == null ? BASIC : settings.mode().trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case BASIC -> basic(settings, authorization);
            case CLIENT_CERT -> clientCertificate(settings, chain, now);
            default -> Optional.of("The connector's authentication mode '" + settings.mode() + "' is not basic or client-cert");
        };
    }

    static Optional<String> basic(Settings settings, String authorization) {
        if (settings.user() == null || settings.password() == null) {
            return Optional.of("No UEM connector credentials are configured (HERMOD_UEM_USER, HERMOD_UEM_PASSWORD)");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of("UEM connector credentials required (HTTP Basic)");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("Malformed Basic credentials");
        }
        byte[] expected = (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(Hashes.sha256(expected), Hashes.sha256(presented))
                ? Optional.empty() : Optional.of("Wrong UEM connector credentials");
    }

    static Optional<String> clientCertificate(Settings settings, X509Certificate[] chain, Date now) {
        String subject = blankToNull(settings.subject());
        String fingerprint = blankToNull(settings.sha256());
        if (subject == null && fingerprint == null) {
            return Optional.of("No accepted UEM client certificate is configured (hermod.uem.client-cert.subject or .sha256)");
        }
        if (chain == null || chain.length == 0) {
            return Optional.of("A TLS client certificate is required");
        }
        X509Certificate certificate = chain[0];
        try {
            certificate.checkValidity(now);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return Optional.of("The client certificate is not valid now");
        }
        if (subject != null && !subjectMatches(subject, certificate)) {
            return Optional.of("The client certificate's subject is not the configured one");
        }
        if (fingerprint != null && !fingerprintMatches(fingerprint, certificate)) {
            return Optional.of("The client certificate's fingerprint is not the configured one");
        }
        return Optional.empty();
    }

    private static boolean subjectMatches(String configured, X509Certificate certificate) {
        try {
            return new X500Principal(configured).equals(certificate.getSubjectX500Principal());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Accepts the fingerprint as plain or colon-separated hex, in either case. */
    static boolean fingerprintMatches(String configured, X509Certificate certificate) {
        try {
            byte[] expected = HexFormat.of().parseHex(configured.replace(":", "").trim().toLowerCase(Locale.ROOT));
            return MessageDigest.isEqual(expected, Hashes.sha256(certificate.getEncoded()));
        } catch (IllegalArgumentException | CertificateEncodingException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
