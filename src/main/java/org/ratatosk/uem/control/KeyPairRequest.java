package org.ratatosk.uem.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.ratatosk.platform.StrictJson;

/**
 * A {@code getUserKeyPair} body. Parsing never throws: a body that cannot be served becomes the
 * failure answer UEM expects, with the {@code reqId} echoed whenever one could be read.
 */
public record KeyPairRequest(String mType, String user, String authToken, String reqId) {

    public static final String INITIAL_CERT = "initialCert";
    static final int MAX_USER_LENGTH = 256;
    static final int MAX_REQ_ID_LENGTH = 256;
    static final int MAX_TOKEN_LENGTH = 256;

    /** Either a request to serve or the failure to answer. */
    public record Parsed(KeyPairRequest request, UemAnswer refusal) {
    }

    public static Parsed parse(String body) {
        JsonObject json = readObject(body);
        if (json == null) {
            return refuse("", FailureInfo.BAD_REQUEST);
        }
        String reqId = json.get("reqId") instanceof JsonString s ? s.getString() : "";
        if (reqId.isEmpty() || reqId.length() > MAX_REQ_ID_LENGTH) {
            return refuse(reqId.length() > MAX_REQ_ID_LENGTH ? "" : reqId, FailureInfo.BAD_REQUEST);
        }
        if (!(json.get("mType") instanceof JsonString mType) || mType.getString().isEmpty()) {
            return refuse(reqId, FailureInfo.BAD_REQUEST);
        }
        if (!INITIAL_CERT.equals(mType.getString())) {
            return refuse(reqId, FailureInfo.UNKNOWN_REQUEST);
        }
        if (!(json.get("user") instanceof JsonString user) || !validUser(user.getString())) {
            return refuse(reqId, FailureInfo.BAD_REQUEST);
        }
        JsonValue token = json.get("authToken");
        String authToken = null;
        if (token instanceof JsonString s) {
            authToken = s.getString();
        } else if (token != null && token != JsonValue.NULL) {
            return refuse(reqId, FailureInfo.BAD_REQUEST);
        }
        if (authToken != null && authToken.length() > MAX_TOKEN_LENGTH) {
            return refuse(reqId, FailureInfo.BAD_REQUEST);
        }
        return new Parsed(new KeyPairRequest(INITIAL_CERT, user.getString(), authToken, reqId), null);
    }

    /** A user id the connector can store and put into a certificate subject. */
    public static boolean validUser(String user) {
        return user != null && !user.isBlank() && user.length() <= MAX_USER_LENGTH
                && user.codePoints().noneMatch(Character::isISOControl);
    }

    /** The reqId of a body that might not be a key pair request at all, for echoing. */
    public static String reqIdOf(String body) {
        JsonObject json = readObject(body);
        return json != null && json.get("reqId") instanceof JsonString s && s.getString().length() <= MAX_REQ_ID_LENGTH
                ? s.getString() : "";
    }

    private static JsonObject readObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return StrictJson.read(body) instanceof JsonObject object ? object : null;
        } catch (StrictJson.RefusedJson e) {
            return null;
        }
    }

    private static Parsed refuse(String reqId, FailureInfo failure) {
        return new Parsed(null, UemAnswer.failure(reqId, failure));
    }
}
