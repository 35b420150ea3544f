package org.ratatosk.approvals.control;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.Jsons;

/**
 * What an approver signs for a request ({@code approvalToBeSigned}, base64 of these bytes), laid
 * out as the approval tokens of Securosys' TSB: little-endian tag, length, value fields, each value
 * padded to four bytes, after a length of all that follows. Fields: the operation, the key's label,
 * a timestamp (the payload, the request's time in seconds and, where TSB names its timestamp key,
 * the request id, so that a signature fits one request only) and the payload again. TSB also puts
 * the HSM's signature over the timestamp in the token; here the server compares the whole token
 * with the one it made instead, so there is none.
 */
public final class ApprovalToken {

    static final int OPERATION = 0x003B;
    static final int LABEL = 0x1002;
    static final int TIMESTAMP = 0x1054;
    static final int PAYLOAD = 0x1057;
    static final int TIME = 0x0107;

    /**
     * TSB's codes for a sign (1) and a modify (4) request; the others are this server's. No default,
     * so that a new operation does not compile without its code.
     */
    static int code(KeyPolicy.Operation operation) {
        return switch (operation) {
            case SIGN -> 1;
            case DECRYPT -> 2;
            case UNWRAP -> 3;
            case MODIFY -> 4;
            case BLOCK -> 5;
            case UNBLOCK -> 6;
            case CSR -> 7;
            case SIGN_CERTIFICATE -> 8;
            case SELF_SIGN -> 9;
        };
    }

    /** A field's length is two bytes; a payload that does not fit is represented by its SHA-256. */
    static final int MAX_VALUE = 0xFFFF;

    private ApprovalToken() {
    }

    public static String of(KeyRequest request) {
        return Base64.getEncoder().encodeToString(bytes(request));
    }

    static byte[] bytes(KeyRequest request) {
        KeyPolicy.Operation operation = KeyPolicy.Operation.valueOf(request.operation());
        byte[] payload = payload(operation, request.payload());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, OPERATION, int32(code(operation)));
        field(body, LABEL, request.keyLabelId().getBytes(StandardCharsets.UTF_8));
        field(body, TIMESTAMP, timestamp(request, payload));
        field(body, PAYLOAD, payload);
        return lengthPrefixed(body.toByteArray());
    }

    /** The token's timestamp value, which TSB's detailed tasks show as {@code timestamp}. */
    static byte[] timestamp(KeyRequest request) {
        return timestamp(request, payload(KeyPolicy.Operation.valueOf(request.operation()), request.payload()));
    }

    private static byte[] timestamp(KeyRequest request, byte[] payload) {
        ByteArrayOutputStream timestamp = new ByteArrayOutputStream();
        field(timestamp, PAYLOAD, payload);
        field(timestamp, TIME, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(request.createdAt().getEpochSecond()).array());
        field(timestamp, LABEL, request.id().getBytes(StandardCharsets.UTF_8));
        return lengthPrefixed(timestamp.toByteArray());
    }

    /** What the request does: the data to sign for a signature, the request body otherwise. */
    static byte[] payload(KeyPolicy.Operation operation, String storedRequest) {
        byte[] payload = storedRequest.getBytes(StandardCharsets.UTF_8);
        if (operation == KeyPolicy.Operation.SIGN) {
            JsonObject request = Jsons.createReader(new StringReader(storedRequest)).readObject();
            if (request.get("payload") instanceof jakarta.json.JsonString data) {
                try {
                    payload = Base64.getMimeDecoder().decode(data.getString());
                } catch (IllegalArgumentException e) {
                    // the stored request was checked when it was made; keep its text
                }
            }
        }
        return payload.length > MAX_VALUE ? Hashes.sha256(payload) : payload;
    }

    private static void field(ByteArrayOutputStream out, int tag, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag)
                .putShort((short) value.length).array());
        out.writeBytes(value);
        out.writeBytes(new byte[(4 - value.length % 4) % 4]);
    }

    private static byte[] lengthPrefixed(byte[] content) {
        return ByteBuffer.allocate(4 + content.length).order(ByteOrder.LITTLE_ENDIAN).putInt(content.length)
                .put(content).array();
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
