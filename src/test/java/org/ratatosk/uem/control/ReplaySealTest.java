package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReplaySealTest {

    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];
    static final byte[] PLAIN = "{\"payload\":\"MIIK...\"}".getBytes(StandardCharsets.UTF_8);

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    @Test
    void opensWithTheSameKeyAndContext() {
        String sealed = ReplaySeal.seal(KEY, "joe\u0000r1", PLAIN);
        assertArrayEquals(PLAIN, ReplaySeal.open(KEY, "joe\u0000r1", sealed).orElseThrow());
    }

    @Test
    void doesNotShowThePlaintext() {
        String sealed = ReplaySeal.seal(KEY, "joe\u0000r1", PLAIN);
        assertTrue(!new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1).contains("payload"));
        assertNotEquals(sealed, ReplaySeal.seal(KEY, "joe\u0000r1", PLAIN));
    }

    @Test
    void otherKeyOrContextDoesNotOpen() {
        String sealed = ReplaySeal.seal(KEY, "joe\u0000r1", PLAIN);
        assertTrue(ReplaySeal.open(OTHER_KEY, "joe\u0000r1", sealed).isEmpty());
        assertTrue(ReplaySeal.open(KEY, "joe\u0000r2", sealed).isEmpty());
        assertTrue(ReplaySeal.open(KEY, "ann\u0000r1", sealed).isEmpty());
    }

    @Test
    void tamperedOrGarbageDoesNotOpen() {
        byte[] raw = Base64.getDecoder().decode(ReplaySeal.seal(KEY, "a", PLAIN));
        raw[raw.length - 1] ^= 1;
        assertTrue(ReplaySeal.open(KEY, "a", Base64.getEncoder().encodeToString(raw)).isEmpty());
        assertTrue(ReplaySeal.open(KEY, "a", "%%%").isEmpty());
        assertTrue(ReplaySeal.open(KEY, "a", "AAAA").isEmpty());
        assertEquals(0, ReplaySeal.open(KEY, "", ReplaySeal.seal(KEY, "", new byte[0])).orElseThrow().length);
    }
}
