package org.ratatosk.clients.control;

import jakarta.json.JsonArray;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of an API client's registration. A new client needs a key ({@link New}); an edit
 * without one keeps the key, and the callback credentials unless the body names them.
 */
public record ClientRegistration(
        @NotEmpty(groups = New.class, message = "'key' is required")
        @Size(min = ApiClients.MIN_KEY_LENGTH, message = KEY_RULE) String key,
        @Pattern(regexp = "https?://.+", message = URL_RULE)
        @Size(max = ApiClients.MAX_CALLBACK_URL_LENGTH, message = URL_RULE) String callbackUrl,
        @Pattern(regexp = "(?s).*:.*", message = AUTH_RULE)
        @Size(max = ApiClients.MAX_CALLBACK_AUTH_LENGTH, message = AUTH_RULE) String callbackBasicAuth,
        JsonArray attestationKeys) {

    static final String KEY_RULE = "key must have at least " + ApiClients.MIN_KEY_LENGTH + " characters";
    static final String URL_RULE = "callbackUrl must be an http or https URL of at most "
            + ApiClients.MAX_CALLBACK_URL_LENGTH + " characters";
    static final String AUTH_RULE = "callbackBasicAuth must be user:password, at most "
            + ApiClients.MAX_CALLBACK_AUTH_LENGTH + " characters";

    /** The rules of a client's first registration. */
    public interface New {
    }
}
