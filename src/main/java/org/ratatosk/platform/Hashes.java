package org.ratatosk.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing of high-entropy secrets (tokens, API keys) and constant-time comparison. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hash of a secret with its salt, hex encoded. */
    public static String saltedHash(String salt, String secret) {
        return sha256Hex(salt + ":" + secret);
    }

    public static boolean matches(String expectedHex, String salt, String presented) {
        if (expectedHex == null || presented == null) {
            return false;
        }
        byte[] expected = expectedHex.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = saltedHash(salt, presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
