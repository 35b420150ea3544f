package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A client's mistake or a refused request: carries the HTTP status and the contract's error code.
 * The one exception mapper turns it into {"code","message","details"}.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private String challenge;
    private Long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The {@code WWW-Authenticate} value of a 401, where the default bearer challenge is wrong. */
    public String challenge() {
        return challenge;
    }

    public ApiException withChallenge(String value) {
        this.challenge = value;
        return this;
    }

    /** Seconds after which a refused caller may try again ({@code Retry-After}), if the refusal says. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiException withRetryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " not found");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException gone(String code, String message) {
        return new ApiException(410, code, message);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(422, code, message);
    }
}
