package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorCarriesItsSortKeyAsOpaqueUrlSafeText() {
        String cursor = Cursor.encode("2026-12-03T06:00:00.123456Z", "a/b+c?d=é");
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertEquals(List.of("2026-12-03T06:00:00.123456Z", "a/b+c?d=é"), Cursor.decode(cursor, 2));
        assertNull(Cursor.decode(null, 2));
        assertNull(Cursor.decode("", 1));
    }

    @Test
    void whatNoListHandedOutIsInvalidField() {
        for (String bad : List.of("%%", "not a cursor", "AAAA", Cursor.encode("one"), b64("{\"a\":1}"), b64("[1,2]"),
                b64("[\"x\""), "x".repeat(3000))) {
            DomainException e = assertThrows(DomainException.class, () -> Cursor.decode(bad, 2), bad);
            assertEquals(400, e.code().status());
            assertEquals(ErrorCode.INVALID_FIELD, e.code());
        }
    }

    @Test
    void limitsAndTheNextLink() {
        assertEquals(100, Page.limit(null, 1000));
        assertEquals(100, Page.limit("", 100));
        assertEquals(7, Page.limit(" 7 ", 100));
        for (String bad : List.of("0", "101", "-1", "x", "1e2", "9999999999")) {
            assertEquals(ErrorCode.INVALID_FIELD, assertThrows(DomainException.class, () -> Page.limit(bad, 100)).code(), bad);
        }
        assertEquals("/hermod/rest/admin/commands?state=IN_PROGRESS&user=a%20b%26c&limit=2&after=Q1",
                Page.nextLink("/hermod/rest/admin/commands", "state=IN_PROGRESS&after=Q0&user=a%20b%26c&limit=2&after", "Q1"));
        assertEquals("/hermod/rest/v1/key?after=Q2", Page.nextLink("/hermod/rest/v1/key", null, "Q2"));
        assertEquals("/hermod/rest/v1/key?afterwards=1&after=Q3", Page.nextLink("/hermod/rest/v1/key", "afterwards=1", "Q3"));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
