package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

    @Test
    void alphabetHasNoLookAlikes() {
        for (char c : "0O1lIo".toCharArray()) {
            assertFalse(OneTimePasswords.ALPHABET.indexOf(c) >= 0, "contains " + c);
        }
        assertEquals(32, OneTimePasswords.ALPHABET.chars().distinct().count());
    }

    @Test
    void passwordsHaveTheLengthAndOnlyAlphabetSymbols() {
        SecureRandom random = new SecureRandom();
        for (int length : new int[] {8, 10, 16}) {
            String otp = OneTimePasswords.generate(length, random);
            assertEquals(length, otp.length());
            assertTrue(otp.chars().allMatch(c -> OneTimePasswords.ALPHABET.indexOf(c) >= 0), otp);
        }
    }

    @Test
    void everySymbolTurnsUpAndPasswordsDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        Set<Integer> symbols = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String otp = OneTimePasswords.generate(10, random);
            assertTrue(seen.add(otp));
            otp.chars().forEach(symbols::add);
        }
        assertEquals(32, symbols.size());
    }
}
