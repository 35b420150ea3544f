package org.ratatosk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Mailbox tokens are derived from a server secret that lives in a file, never in the database,
 * so the database holds only their hashes while the server can still render a mailbox's uri.
 * Nodes behind one load balancer share the file. Keys that encrypt settings at rest are derived
 * from it too.
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Config config;

    private byte[] serverSecret;

    @PostConstruct
    void load() {
        Path file = Path.of(config.get("hermod.secret-file", config.dataDir().resolve("server-secret").toString()));
        serverSecret = loadOrCreate(file);
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning("Cannot restrict permissions of " + file);
            }
            LOG.info("Created a new server secret in " + file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server secret " + file, e);
        }
    }

    /** The token of a mailbox, derived from its id and its random salt. */
    public String mailboxToken(String bid, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSecret, "HmacSHA256"));
            byte[] token = mac.doFinal(("mailbox:" + bid + ":" + salt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 256-bit key for one purpose, bound to the given parts and to this server's secret. */
    public byte[] derive(String purpose, String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSecret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                mac.update((byte) 0);
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code length} bytes of key for one purpose: HKDF-SHA256 (RFC 5869) of the server secret with
     * the purpose label as its info, so that keys of different purposes are unrelated.
     */
    public byte[] hkdf(String purpose, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(serverSecret, null, purpose.getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[length];
        hkdf.generateBytes(key, 0, length);
        return key;
    }

    public static String randomSalt() {
        return random(16);
    }

    /** {@code bytes} random bytes as base64url without padding: typable, and safe in URLs and JSON. */
    public static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
