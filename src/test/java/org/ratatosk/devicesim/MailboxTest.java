package org.ratatosk.devicesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ratatosk.testsupport.Seeds;

class MailboxTest {

    private static final String SEED_TMP_URI = "com.nexusgroup.plugout:///?url=https%3a%2f%2fext-cod1.test.nexusgroup.com%3A20400%2fhermod%2Frest%2Fms%2F99678846-836a-42f2-99e4-1de31bca857f&token=2dff6242-34d8-4d31-8ac8-c53a21341a03";
    private static final String SEED_001_URI = "com.nexusgroup.pluginout:///url=https%3a%2f%2fnexus-codl.test.nexusgroup.com%3A20400%2fhermod%2Frest%2Fms%2F482ae2ba-3847-4fc8-bb98-73a3f2f809ca&token=c3c5df6d-59a1-450f-b2e5-066363959c71";

    @Test
    void readsSeed000TemporaryBoxUri() {
        Mailbox box = SimulatedDevice.parseUri(SEED_TMP_URI);

        assertEquals("https://ext-cod1.test.nexusgroup.com:20400/hermod/rest/ms/99678846-836a-42f2-99e4-1de31bca857f", box.url());
        assertEquals("2dff6242-34d8-4d31-8ac8-c53a21341a03", box.token());
        assertEquals("99678846-836a-42f2-99e4-1de31bca857f", box.bid());
    }

    @Test
    void readsSeed001FormWithoutQuestionMark() {
        Mailbox box = Mailbox.fromUri(SEED_001_URI);

        assertEquals("https://nexus-codl.test.nexusgroup.com:20400/hermod/rest/ms/482ae2ba-3847-4fc8-bb98-73a3f2f809ca", box.url());
        assertEquals("c3c5df6d-59a1-450f-b2e5-066363959c71", box.token());
    }

    @Test
    void acceptsACustomSchemeAndTokenFirst() {
        Mailbox box = Mailbox.fromUri("se.example.smartid://?token=t-1&url=http%3A%2F%2Flocalhost%3A8080%2Fhermod%2Frest%2Fms%2Fb1", "se.example.smartid");

        assertEquals("http://localhost:8080/hermod/rest/ms/b1", box.url());
        assertEquals("t-1", box.token());
    }

    @Test
    void refusesAnotherSchemeWhenOneIsExpected() {
        assertThrows(IllegalArgumentException.class, () -> Mailbox.fromUri(SEED_TMP_URI, "se.example.smartid"));
    }

    @Test
    void refusesUriWithoutToken() {
        assertThrows(IllegalArgumentException.class,
                () -> Mailbox.fromUri("com.nexusgroup.plugout:///?url=https%3A%2F%2Fh%2Fhermod%2Frest%2Fms%2Fb"));
        assertThrows(IllegalArgumentException.class, () -> Mailbox.fromUri("no-scheme-here"));
    }

    @Test
    void readsEveryUriInSeed000() {
        Matcher uris = Pattern.compile("\"uri\" : \"([^\"]+)\"").matcher(Seeds.read("000"));
        List<Mailbox> boxes = uris.results().map(m -> Mailbox.fromUri(m.group(1), "com.nexusgroup.plugout")).toList();

        assertEquals(2, boxes.size());
        assertEquals("https://ext-cod1.test.nexusgroup.com:20400/hermod/rest/ms/d07292df-f75c-4534-8567-642953b6d887", boxes.get(1).url());
        assertEquals("73b263de-2d6d-4f55-a9b6-a19c214bca46", boxes.get(1).token());
        assertFalse(boxes.get(0).url().contains("%"));
    }
}
