package org.ratatosk.approvals.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.platform.Hashes;

/** approvalToBeSigned laid out as in the approval token of TSB's signature request tutorial. */
class ApprovalTokenTest {

    /** The tutorial's token for signing "ApproveSignTaskPayload" with key TSB_TUTORIAL_1-RSA. */
    static final byte[] TUTORIAL = Base64.getDecoder().decode("4AAAADsABAABAAAAAhASAFRTQl9UVVRPUklBTF8xLVJTQQAAVBBAADwAAABXEBYAQX"
            + "Bwcm92ZVNpZ25UYXNrUGF5bG9hZAAABwEIANcU814AAAAAAhANAHRpbWVzdGFtcC1rZXkAAABWEFkAMFcwDAYIKoZIzj0EAwIFAANHADBEAiADPniQDGE"
            + "LMUTqJCJ17kW3bUInXIf8dy9mwsseJ7voJAIgK3Kh4JjkR+RDugYKlp4x3M6UQIXkyQ5OuavkL0V5b5sAAABXEBYAQXBwcm92ZVNpZ25UYXNrUGF5bG9h"
            + "ZAAA");

    static KeyRequest signRequest(String id, String payloadText) {
        String payload = Base64.getEncoder().encodeToString(payloadText.getBytes(StandardCharsets.UTF_8));
        return new KeyRequest(id, "TSB_TUTORIAL_1-RSA", "SIGN", "{\"payload\":\"" + payload + "\",\"signKeyName\":\"TSB_TUTORIAL_1-RSA\"}",
                "null", Instant.ofEpochSecond(0x5EF314D7L), Instant.ofEpochSecond(0x5EF314D7L + 600));
    }

    @Test
    void signTokenHasTheTutorialsOperationLabelPayloadAndTime() {
        byte[] token = ApprovalToken.bytes(signRequest("6947856a-e3a1-44cf-bb99-bbd2995642ca", "ApproveSignTaskPayload"));
        ByteBuffer read = ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(token.length - 4, read.getInt(0), "the leading length counts what follows");
        // operation 1 (sign) and the key's label, padded to four bytes: as in the tutorial
        assertArrayEquals(Arrays.copyOfRange(TUTORIAL, 4, 0x24), Arrays.copyOfRange(token, 4, 0x24));
        // the timestamp field: its tag, then the payload and the time in seconds, as in the tutorial
        assertEquals(0x1054, read.getShort(0x24));
        assertArrayEquals(Arrays.copyOfRange(TUTORIAL, 0x2C, 0x54), Arrays.copyOfRange(token, 0x2C, 0x54));
        // where TSB names its timestamp key, the request id; then the payload again
        assertEquals(0x1002, read.getShort(0x54));
        assertEquals(36, read.getShort(0x56));
        assertEquals("6947856a-e3a1-44cf-bb99-bbd2995642ca", new String(token, 0x58, 36, StandardCharsets.UTF_8));
        assertEquals(read.getShort(0x26) + 4, 0x58 + 36 - 0x24, "the timestamp field ends with the request id");
        assertArrayEquals(Arrays.copyOfRange(TUTORIAL, TUTORIAL.length - 28, TUTORIAL.length),
                Arrays.copyOfRange(token, token.length - 28, token.length));
    }

    /** TSB's level 5 task shows the timestamp: with operation, label and payload a client can rebuild the token. */
    @Test
    void theTokensTimestampFieldIsTheTimestampTasksShow() {
        KeyRequest request = signRequest("6947856a-e3a1-44cf-bb99-bbd2995642ca", "ApproveSignTaskPayload");
        byte[] token = ApprovalToken.bytes(request);
        byte[] timestamp = ApprovalToken.timestamp(request);
        assertEquals(timestamp.length, ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN).getShort(0x26));
        assertArrayEquals(timestamp, Arrays.copyOfRange(token, 0x28, 0x28 + timestamp.length));
        // TSB's level 5 example: the timestamp opens with its length, then the payload field
        assertArrayEquals(Arrays.copyOfRange(TUTORIAL, 0x2C, 0x48), Arrays.copyOfRange(timestamp, 4, 0x20));
    }

    @Test
    void eachRequestHasItsOwnToken() {
        String one = ApprovalToken.of(signRequest("6947856a-e3a1-44cf-bb99-bbd2995642ca", "same"));
        assertEquals(one, ApprovalToken.of(signRequest("6947856a-e3a1-44cf-bb99-bbd2995642ca", "same")));
        assertNotEquals(one, ApprovalToken.of(signRequest("6947856a-e3a1-44cf-bb99-bbd2995642cb", "same")));
        assertNotEquals(one, ApprovalToken.of(signRequest("6947856a-e3a1-44cf-bb99-bbd2995642ca", "other")));
    }

    @Test
    void otherOperationsCarryTheirRequestAndAPayloadTooLongForAFieldItsHash() {
        String body = "{\"blockKeyName\":\"k\"}";
        KeyRequest block = new KeyRequest("r", "k", "BLOCK", body, "null", Instant.EPOCH, Instant.EPOCH);
        byte[] token = ApprovalToken.bytes(block);
        assertEquals(5, ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN).getInt(8));
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), ApprovalToken.payload(KeyPolicy.Operation.BLOCK, body));
        String large = "x".repeat(70_000);
        assertArrayEquals(Hashes.sha256(large.getBytes(StandardCharsets.UTF_8)), ApprovalToken.payload(KeyPolicy.Operation.MODIFY, large));
    }
}
