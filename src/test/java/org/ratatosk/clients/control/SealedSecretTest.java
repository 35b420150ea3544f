package org.ratatosk.clients.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The callback credentials' cipher: what it seals opens, and nothing else does. */
class SealedSecretTest {

    static final String OWNER = "api_client/portal/callbackBasicAuth";
    static final String PLAIN = "appserver:cb-s3cret-\u00e5\u00e4\u00f6";

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    final SealedSecret cipher = new SealedSecret(key(7));

    @Test
    void sealedValueOpensToThePlainValue() throws Exception {
        String sealed = cipher.seal(PLAIN, OWNER);
        assertTrue(sealed.startsWith("v1."), sealed);
        assertFalse(sealed.contains("appserver"), sealed);
        assertFalse(sealed.contains("s3cret"), sealed);
        assertEquals(PLAIN, cipher.open(sealed, OWNER));
        assertEquals(PLAIN, new SealedSecret(key(7)).open(sealed, OWNER), "the same key opens it in another instance");
    }

    @Test
    void everySealingTakesAFreshNonce() throws Exception {
        Set<String> nonces = new HashSet<>();
        Set<String> sealedValues = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String sealed = cipher.seal(PLAIN, OWNER);
            sealedValues.add(sealed);
            nonces.add(sealed.split("\\.")[1]);
            assertEquals(12, Base64.getUrlDecoder().decode(sealed.split("\\.")[1]).length);
            assertEquals(PLAIN, cipher.open(sealed, OWNER));
        }
        assertEquals(50, nonces.size());
        assertEquals(50, sealedValues.size());
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String sealed = cipher.seal(PLAIN, OWNER);
        int ciphertextStart = sealed.lastIndexOf('.') + 1;
        for (int i : new int[]{3, 5, ciphertextStart, ciphertextStart + 4, sealed.length() - 2}) {
            char[] chars = sealed.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);
            assertNotEquals(sealed, tampered);
            assertThrows(SealedSecret.Unreadable.class, () -> cipher.open(tampered, OWNER), "changed at " + i);
        }
        assertThrows(SealedSecret.Unreadable.class, () -> cipher.open(sealed.substring(0, sealed.length() - 4), OWNER));
        assertThrows(SealedSecret.Unreadable.class, () -> cipher.open("v2" + sealed.substring(2), OWNER));
        assertThrows(SealedSecret.Unreadable.class, () -> cipher.open(PLAIN, OWNER), "a plain value is not a sealed one");
    }

    @Test
    void anotherOwnerOrAnotherKeyCannotOpenIt() {
        String sealed = cipher.seal(PLAIN, OWNER);
        assertThrows(SealedSecret.Unreadable.class, () -> cipher.open(sealed, "api_client/other/callbackBasicAuth"));
        SealedSecret.Unreadable refused = assertThrows(SealedSecret.Unreadable.class, () -> new SealedSecret(key(8)).open(sealed, OWNER));
        assertFalse(refused.getMessage().contains("s3cret"));
    }

    @Test
    void onlyA256BitKeyIsTaken() {
        assertThrows(IllegalArgumentException.class, () -> new SealedSecret(new byte[16]));
    }
}
