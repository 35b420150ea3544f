package org.ratatosk.uem.control;

import org.ratatosk.platform.Secrets;

/**
 * A PKCS#12 password with both of its key derivations done: the PBES2 key that encrypts the bags
 * and the key of the integrity MAC, each under a fresh salt. Deriving them is most of the cost of
 * a file, so for random passwords it happens ahead, with the key pair in the pool.
 */
public final class Pkcs12Password {

    private final String password;
    private final Pbes2Encryptor.PasswordKey encryptionKey;
    private final Pkcs12Mac mac;

    private Pkcs12Password(String password, int iterations) {
        this.password = password;
        this.encryptionKey = new Pbes2Encryptor.PasswordKey(password.toCharArray(), iterations);
        this.mac = Pkcs12Mac.derived(password.toCharArray(), iterations);
    }

    /** Derives the keys of a password that is already known, such as a one-time password. */
    public static Pkcs12Password of(String password) {
        return new Pkcs12Password(password, Pkcs12Files.ITERATIONS);
    }

    /** A new password of 32 random bytes as base64url (typable, and far beyond guessing), derived. */
    public static Pkcs12Password random() {
        return of(Secrets.random(32));
    }

    public String password() {
        return password;
    }

    Pbes2Encryptor.PasswordKey encryptionKey() {
        return encryptionKey;
    }

    Pkcs12Mac mac() {
        return mac;
    }
}
