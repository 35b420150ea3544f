package org.ratatosk.clients.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for a secret setting the server must read back (the callback's Basic credentials),
 * with a random 96-bit nonce per value and the value's owner as associated data, so a sealed value
 * copied to another row does not open. Sealed text is {@code v1.<nonce>.<ciphertext and tag>}.
 */
public final class SealedSecret {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public SealedSecret(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String seal(String plain, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + "." + ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain value; refused when the text was changed, belongs to another owner or another key. */
    public String open(String sealed, String owner) throws Unreadable {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new Unreadable("not a sealed value of version " + VERSION);
        }
        try {
            byte[] nonce = Base64.getUrlDecoder().decode(parts[1]);
            if (nonce.length != NONCE_BYTES) {
                throw new Unreadable("the nonce is not " + NONCE_BYTES + " bytes");
            }
            return new String(cipher(Cipher.DECRYPT_MODE, nonce, owner).doFinal(Base64.getUrlDecoder().decode(parts[2])),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Unreadable("it was changed, belongs elsewhere, or was sealed under another server secret");
        } catch (IllegalArgumentException e) {
            throw new Unreadable("it is not base64url");
        } catch (GeneralSecurityException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed value that cannot be opened; the message never contains the value. */
    public static class Unreadable extends Exception {

        public Unreadable(String reason) {
            super("The sealed value cannot be opened: " + reason);
        }
    }
}
