package org.ratatosk.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A signed payload is read as strictly as a request, and a duplicate member is a rejection of its own. */
class SignedPayloadTest {

    static String code(String payload) {
        return assertThrows(AnswerRejected.class, () -> ProvisioningAnswerValidator.json(payload, "the payload")).code().name();
    }

    @Test
    void aDuplicateMemberIsNeverResolvedToOneOfItsValues() {
        assertEquals("DUPLICATE_PAYLOAD_MEMBER", code("{\"profile\":{\"userid\":\"evil\",\"userid\":\"userA\"}}"));
        assertEquals("DUPLICATE_PAYLOAD_MEMBER", code("{\"profile\":{},\"profile\":{}}"));
    }

    @Test
    void deepOrMalformedPayloadsAreRejectedWithTheirCodes() throws AnswerRejected {
        assertEquals("PAYLOAD_TOO_DEEP", code("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"));
        assertEquals("MALFORMED_PAYLOAD", code("[1]"));
        assertEquals("MALFORMED_PAYLOAD", code("{\"a\":"));
        assertEquals("userA", ProvisioningAnswerValidator.json("{\"profile\":{\"userid\":\"userA\"}}", "the payload")
                .getJsonObject("profile").getString("userid"));
    }
}
