package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPairRequestTest {

    @Test
    void seedRequestParses() {
        KeyPairRequest.Parsed parsed = KeyPairRequest.parse(
                "{ \"mType\": \"initialCert\", \"user\": \"joe.foo@example.com\", \"authToken\": \"56ht12d0\", \"reqId\": \"12487\" }");
        assertNull(parsed.refusal());
        assertEquals(new KeyPairRequest("initialCert", "joe.foo@example.com", "56ht12d0", "12487"), parsed.request());
    }

    @Test
    void authTokenIsOptionalAndUnknownFieldsAreIgnored() {
        KeyPairRequest.Parsed parsed = KeyPairRequest.parse(
                "{\"mType\":\"initialCert\",\"user\":\"joe\",\"reqId\":\"1\",\"extra\":[1,2]}");
        assertNull(parsed.request().authToken());
        assertEquals("joe", parsed.request().user());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|''|badRequest",
            "not json|''|badRequest",
            "[1,2]|''|badRequest",
            "{\"mType\":\"initialCert\",\"user\":\"joe\",\"authToken\":\"x\"}|''|badRequest",
            "{\"mType\":\"initialCert\",\"user\":\"joe\",\"reqId\":12}|''|badRequest",
            "{\"mType\":\"initialCert\",\"user\":\"joe\",\"reqId\":\"\"}|''|badRequest",
            "{\"user\":\"joe\",\"reqId\":\"r1\"}|r1|badRequest",
            "{\"mType\":7,\"user\":\"joe\",\"reqId\":\"r2\"}|r2|badRequest",
            "{\"mType\":\"renewCert\",\"user\":\"joe\",\"reqId\":\"r3\"}|r3|unknownRequest",
            "{\"mType\":\"initialCert\",\"reqId\":\"r4\"}|r4|badRequest",
            "{\"mType\":\"initialCert\",\"user\":\" \",\"reqId\":\"r5\"}|r5|badRequest",
            "{\"mType\":\"initialCert\",\"user\":[\"joe\"],\"reqId\":\"r6\"}|r6|badRequest",
            "{\"mType\":\"initialCert\",\"user\":\"joe\",\"authToken\":1234,\"reqId\":\"r7\"}|r7|badRequest",
            "{\"mType\":\"initialCert\",\"user\":\"jo\\ne\",\"reqId\":\"r8\"}|r8|badRequest"
    })
    void unusableBodiesAreRefusedWithTheirReqId(String body, String reqId, String failure) {
        KeyPairRequest.Parsed parsed = KeyPairRequest.parse(body);
        assertNull(parsed.request());
        assertEquals(reqId, parsed.refusal().reqId());
        assertEquals(failure, parsed.refusal().failure().wireName());
    }

    @Test
    void overlongFieldsAreBadRequests() {
        String longUser = "u".repeat(257);
        assertEquals(FailureInfo.BAD_REQUEST, KeyPairRequest.parse(
                "{\"mType\":\"initialCert\",\"user\":\"" + longUser + "\",\"reqId\":\"r\"}").refusal().failure());
        assertEquals(FailureInfo.BAD_REQUEST, KeyPairRequest.parse(
                "{\"mType\":\"initialCert\",\"user\":\"u\",\"reqId\":\"" + "r".repeat(257) + "\"}").refusal().failure());
        assertEquals("", KeyPairRequest.parse(
                "{\"mType\":\"initialCert\",\"user\":\"u\",\"reqId\":\"" + "r".repeat(257) + "\"}").refusal().reqId());
    }

    @Test
    void reqIdIsFoundInAnyObjectBody() {
        assertEquals("77", KeyPairRequest.reqIdOf("{\"reqId\":\"77\",\"mType\":\"whatever\"}"));
        assertEquals("", KeyPairRequest.reqIdOf(null));
        assertEquals("", KeyPairRequest.reqIdOf("{\"reqId\":77}"));
        assertEquals("", KeyPairRequest.reqIdOf("{oops"));
    }
}
