package org.ratatosk.platform;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;

/**
 * Securosys TSB clients read {@code errorCode} (a number) and {@code reason}; errors of the
 * resources marked {@link TsbErrors} carry them beside the contract's code, message and details.
 * TSB publishes 631 (an API key nobody holds: the client tries its next key) and 701
 * ({@code res.error.in.hsm}, the HSM refused the operation, e.g. an unwrapping); the other numbers
 * are this server's, one per contract code.
 */
@Provider
@TsbErrors
public class KeyApiErrors implements ContainerResponseFilter {

    private static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("KEY_NOT_FOUND", 630),
            Map.entry("INVALID_API_KEY", 631),
            Map.entry("KEY_EXISTS", 632),
            Map.entry("KEY_BLOCKED", 633),
            Map.entry("KEY_NOT_BLOCKED", 634),
            Map.entry("KEY_NOT_DESTROYABLE", 635),
            Map.entry("KEY_NOT_MODIFIABLE", 636),
            Map.entry("ATTRIBUTES_LOOSENED", 637),
            Map.entry("KEY_USAGE_NOT_ALLOWED", 638),
            Map.entry("KEY_MATERIAL_MISSING", 639),
            Map.entry("APPROVAL_REQUIRED", 640),
            Map.entry("NO_CA_CERTIFICATE", 641),
            Map.entry("REQUEST_NOT_FOUND", 650),
            Map.entry("REQUEST_EXPIRED", 651),
            Map.entry("REQUEST_NOT_PENDING", 652),
            Map.entry("REQUEST_FINAL", 653),
            Map.entry("NOT_AN_APPROVER", 660),
            Map.entry("ALREADY_DECIDED", 661),
            Map.entry("TIMELOCKED", 662),
            Map.entry("STALE_APPROVAL", 663),
            Map.entry("INVALID_SIGNATURE", 664),
            Map.entry("STALE_TIMESTAMP", 665),
            Map.entry("TIMESTAMP_REPLAYED", 666),
            Map.entry("WRAP_FAILED", 701),
            Map.entry("UNWRAP_FAILED", 701),
            Map.entry("HSM_UNAVAILABLE", 700));

    /** TSB's reasons where they are not the contract code's. */
    private static final Map<Integer, String> REASONS = Map.of(701, "res.error.in.hsm");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !(response.getEntity() instanceof String text)) {
            return;
        }
        JsonObject error;
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            error = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return;
        }
        if (!error.containsKey("code") || error.containsKey("errorCode")) {
            return;
        }
        String code = error.getString("code");
        int errorCode = CODES.getOrDefault(code, response.getStatus());
        JsonObjectBuilder decorated = Jsons.createObjectBuilder(error)
                .add("errorCode", errorCode)
                .add("reason", REASONS.getOrDefault(errorCode, "res.error." + code.toLowerCase(Locale.ROOT).replace('_', '.')));
        response.setEntity(decorated.build().toString());
    }
}
