package org.ratatosk.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The alphabet checks read each character themselves; they answer as the regular expressions that
 * define them, on text made mostly of base64 characters with the ones around their edges mixed in.
 */
class StrictBase64AlphabetPropertyTest {

    private static final Pattern URL_ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern STANDARD_ALPHABET = Pattern.compile("[A-Za-z0-9+/]*(={0,2})");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r?\n");

    @Property(tries = 3000, seed = "20261204")
    void theUrlAlphabetIsTheRegularExpressions(@ForAll("nearlyBase64") String text) {
        assertEquals(URL_ALPHABET.matcher(text).matches(), StrictBase64.isUrlAlphabet(text), text);
    }

    @Property(tries = 3000, seed = "20261204")
    void theStandardAlphabetIsTheRegularExpressions(@ForAll("nearlyBase64") String text) {
        assertEquals(STANDARD_ALPHABET.matcher(text).matches(), StrictBase64.isStandardAlphabet(text), text);
    }

    @Property(tries = 3000, seed = "20261204")
    void lineBreaksGoAsTheRegularExpressionTakesThem(@ForAll("nearlyBase64") String text) {
        assertEquals(LINE_BREAKS.matcher(text).replaceAll(""), StrictBase64.withoutLineBreaks(text), text);
    }

    @Provide
    Arbitrary<String> nearlyBase64() {
        Arbitrary<Character> base64 = Arbitraries.chars().with("ABYZabyz0189+/-_".toCharArray());
        Arbitrary<Character> edges = Arbitraries.chars().with("=\r\n @[`{/:.!\u00e9\u0000".toCharArray());
        Arbitrary<String> body = Arbitraries.frequencyOf(Tuple.of(4, base64), Tuple.of(1, edges))
                .list().ofMaxSize(8)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
        Arbitrary<String> padding = Arbitraries.integers().between(0, 3).map("="::repeat);
        Arbitrary<String> tail = Arbitraries.of("", "", "", "\n", "\r\n", "\r", "x");
        return Combinators.combine(body, padding, tail).as((b, p, t) -> b + p + t);
    }
}
