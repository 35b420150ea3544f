package org.ratatosk.platform;

/**
 * The contract's error codes, each with the HTTP status it is answered with. Securosys TSB clients
 * of the key API also read a number per code ({@code errorCode}): TSB publishes 631 (an API key
 * nobody holds: the client tries its next key) and 701 (the HSM refused the operation); the other
 * numbers are this server's, and a code without one gives its HTTP status there.
 */
public enum ErrorCode {

    // the request as sent cannot be read
    BAD_REQUEST(400),
    BODY_UNREADABLE(400),
    MALFORMED_JSON(400),
    JSON_TOO_DEEP(400),
    DUPLICATE_MEMBER(400),
    /** A number that does not fit its field (a whole number past 64 bits, a 5,000-digit lifespan). */
    NUMBER_OUT_OF_RANGE(400),
    /** A value of the wrong JSON type: a string where a number belongs, an array for an object. */
    WRONG_TYPE(400),
    INVALID_UTF8(400),
    INVALID_HEADER(400),
    INVALID_BASE64URL(400),
    INVALID_BASE64(400),
    /** 400 when the answer's own JWS is not three base64url parts; 422 when a JWS inside it is. */
    MALFORMED_JWS(400),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),

    // a field's value is refused
    INVALID_FIELD(400),
    INVALID_ALGORITHM(400),
    INVALID_ATTESTATION_KEY(400),
    INVALID_CERTIFICATE(400),
    INVALID_CIPHER_INPUT(400),
    INVALID_CSR(400),
    INVALID_CURVE(400),
    INVALID_KEY_SIZE(400),
    INVALID_LABEL(400),
    INVALID_LENGTH(400),
    INVALID_NAME(400),
    INVALID_PAYLOAD(400),
    INVALID_POLICY(400),
    INVALID_PUBLIC_KEY(400),
    INVALID_ROLES(400),
    INVALID_URL(400),
    DECRYPTION_FAILED(400),
    KEY_PASSWORD_UNSUPPORTED(400),
    UNSUPPORTED_ALGORITHM(400),
    UNSUPPORTED_CIPHER_ALGORITHM(400),
    UNSUPPORTED_SIGNATURE_ALGORITHM(400),
    UNSUPPORTED_SIGNATURE_TYPE(400),
    UNSUPPORTED_WRAP_METHOD(400),
    WRAP_FAILED(400, 701),
    UNWRAP_FAILED(400, 701),

    // who is asking
    UNAUTHORIZED(401),
    INVALID_API_KEY(401, 631),
    FORBIDDEN(403),
    CSRF_TOKEN_INVALID(403),
    APPROVAL_REQUIRED(403, 640),
    ATTRIBUTES_LOOSENED(403, 637),
    KEY_NOT_DESTROYABLE(403, 635),
    KEY_NOT_EXTRACTABLE(403),
    KEY_NOT_MODIFIABLE(403, 636),
    KEY_USAGE_NOT_ALLOWED(403, 638),
    MAILBOX_NOT_ACTIVE(403),
    NOT_AN_APPROVER(403, 660),
    TOO_MANY_ATTEMPTS(429),

    // what is asked for does not exist
    NOT_FOUND(404),
    CERTIFICATE_NOT_FOUND(404),
    KEY_NOT_FOUND(404, 630),
    REQUEST_NOT_FOUND(404, 650),
    UNKNOWN_COMMAND_TYPE(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    URI_TOO_LONG(414),
    HEADERS_TOO_LARGE(431),

    // the state of what is asked for does not allow it
    ALREADY_ANSWERED(409),
    ALREADY_DECIDED(409, 661),
    ALREADY_FINAL(409),
    CALLBACK_NOT_DEAD(409),
    CERTIFICATE_EXISTS(409),
    CONCURRENT_CHANGE(409),
    EXTERNAL_ID_CONFLICT(409),
    KEY_BLOCKED(409, 633),
    KEY_EXISTS(409, 632),
    KEY_MATERIAL_MISSING(409, 639),
    KEY_NOT_BLOCKED(409, 634),
    NO_CA_CERTIFICATE(409, 641),
    REQUEST_FINAL(409, 653),
    REQUEST_NOT_PENDING(409, 652),
    TIMELOCKED(409, 662),
    COMMAND_ENDED(410),
    MAILBOX_CLOSED(410),
    MESSAGE_GONE(410),
    REQUEST_EXPIRED(410, 651),

    // understood, and refused on its merits
    CERTIFICATE_KEY_MISMATCH(422),
    CHAIN_BROKEN(422),
    INVALID_CERTIFICATE_REQUEST(422),
    INVALID_CSR_SIGNATURE(422),
    INVALID_SIGNATURE(422, 664),
    STALE_APPROVAL(422, 663),
    STALE_TIMESTAMP(422, 665),
    TIMESTAMP_REPLAYED(422, 666),
    UNKNOWN_RECIPIENT(422),

    // a device's answer that failed a check (its destination fails with the code)
    ALG_NOT_ALLOWED(422),
    ANSWER_REPLAYED(422),
    ATTESTATION_KEY_MISSING(422),
    ATTESTATION_KEY_UNTRUSTED(422),
    CLIENT_GONE(422),
    CONTENT_CHANGED(422),
    CSR_INVALID(422),
    CSR_KEY_MISMATCH(422),
    CSR_MISSING(422),
    CSR_SUBJECT_MISMATCH(422),
    DUPLICATE_PAYLOAD_MEMBER(422),
    INVALID_KEY(422),
    KEY_TYPE_NOT_REQUESTED(422),
    MALFORMED_ANSWER(422),
    MALFORMED_PAYLOAD(422),
    MISSING_SIGNED_KEY(422),
    NONCE_MISMATCH(422),
    PAYLOAD_TOO_DEEP(422),
    PROFILE_MISMATCH(422),
    PROOF_OF_POSSESSION_FAILED(422),
    SHA1_NOT_ALLOWED(422),
    SIGNATURE_INVALID(422),
    TBS_MISMATCH(422),
    UNKNOWN_KEY(422),
    UNKNOWN_KEY_ID(422),
    WRONG_FORMAT(422),
    WRONG_MECHANISM(422),

    // the server's side
    INTERNAL_ERROR(500),
    HSM_UNAVAILABLE(503, 700),
    MESSAGING_UNAVAILABLE(503),
    UNAVAILABLE(503);

    private final int status;
    private final int tsbNumber;

    ErrorCode(int status) {
        this(status, 0);
    }

    ErrorCode(int status, int tsbNumber) {
        this.status = status;
        this.tsbNumber = tsbNumber;
    }

    /** The HTTP status this code is answered with, unless the exception that carries it says otherwise. */
    public int status() {
        return status;
    }

    /** TSB's {@code errorCode}, when this server or TSB gives the code a number of its own. */
    int tsbNumber() {
        return tsbNumber;
    }
}
