package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.ratatosk.fuzz.Mutations;
import org.ratatosk.fuzz.Template;

/** The request body parser under jqwik: whatever the bytes, the answer is a parsed object or a 400 with a code of its own. */
class JsonBodiesPropertyTest {

    static final Set<String> PARSE_CODES = Set.of("MALFORMED_JSON", "JSON_TOO_DEEP", "DUPLICATE_MEMBER", "NUMBER_OUT_OF_RANGE");
    static final List<Template> BODIES = List.of(
            new Template("provision", "POST", "/p", null, List.of(),
                    "{\"commandHeader\":{\"lifespan\":300,\"timeout\":300,\"externalId\":\"x\"},\"provCommand\":{\"nonce\":\"1\","
                            + "\"profile\":{\"keygenrequests\":[{\"keyid\":\"k\",\"keytypeprios\":[{\"keylength\":\"2048\"}]}]}}}", false),
            new Template("key", "POST", "/k", null, List.of(),
                    "{\"label\":\"k\",\"algorithm\":\"EC\",\"attributes\":{\"sign\":true},\"policy\":{\"ruleUse\":null}}", false));

    @Property(tries = 1000, seed = "4711")
    void aMutatedBodyIsReadOrRefusedWith400(@ForAll("mutatedBodies") byte[] body) {
        String text = Utf8Bodies.decode(body).orElse(null);
        if (text == null) {
            return;
        }
        try {
            JsonBodies.parseObject(text);
        } catch (DomainException refused) {
            assertEquals(400, refused.code().status());
            assertTrue(PARSE_CODES.contains(refused.code().name()), refused.code().name());
            assertTrue(!refused.getMessage().contains("Exception"), refused.getMessage());
        }
    }

    @Property(tries = 200)
    void nestingIsReadUpTo64LevelsAndRefusedBeyond(@ForAll @IntRange(min = 1, max = 400) int depth) {
        String text = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        if (depth + 1 <= StrictJson.MAX_DEPTH) {
            assertEquals(1, JsonBodies.parseObject(text).size());
        } else {
            assertEquals(ErrorCode.JSON_TOO_DEEP, assertThrows(DomainException.class, () -> JsonBodies.parseObject(text)).code());
        }
    }

    @Property(tries = 300)
    void aRepeatedNameIsRefusedWhereverItIs(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 5) int depth) {
        String object = "{\"" + name + "\":1,\"other\":2,\"" + name + "\":3}";
        String text = "{\"w\":" + "[".repeat(depth) + object + "]".repeat(depth) + "}";
        assertEquals(ErrorCode.DUPLICATE_MEMBER, assertThrows(DomainException.class, () -> JsonBodies.parseObject(text)).code());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20).filter(n -> !"other".equals(n));
    }

    @Provide
    Arbitrary<byte[]> mutatedBodies() {
        return Arbitraries.randomValue(random -> {
            Mutations.Request request = Mutations.mutate(BODIES.get(random.nextInt(BODIES.size())), random);
            return request.body() == null ? new byte[0] : request.body();
        }).filter(body -> body.length < 400_000).map(body -> body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    }
}
