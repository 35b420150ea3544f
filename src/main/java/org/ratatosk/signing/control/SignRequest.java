package org.ratatosk.signing.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.provisioning.control.JwsChecks;

/**
 * The {@code params} of a {@code signCommand} or {@code authCommand}: what the device shows, what
 * it signs, and how. Reading it validates a submitted command and caps every part's size; the
 * params are read as {@link SignParams}.
 */
public record SignRequest(JsonArray tbs, List<byte[]> tbsData, String format, String mechanism, String keyId) {

    public static final String JWS = "jws";
    public static final String PKCS7 = "pkcs7";
    static final int MAX_ITEMS = 16;
    static final int MAX_TEXT = 4096;
    static final int MAX_DATA_CHARS = 512 * 1024;

    private static final Map<String, String> JCA_MECHANISMS = Map.of(
            "SHA256WITHRSA", "RS256", "SHA384WITHRSA", "RS384", "SHA512WITHRSA", "RS512",
            "SHA256WITHRSAANDMGF1", "PS256", "SHA256WITHECDSA", "ES256", "SHA384WITHECDSA", "ES384");

    public static SignRequest from(JsonObject command) {
        SignParams params = SignParams.of(command);
        List<byte[]> data = params.items().stream().map(TbsItem::bytes).toList();
        String mechanism = params.mechanism() == null ? null : mechanism(params.mechanism());
        return new SignRequest(params.tbs(), data, params.signatureFormat(), mechanism, params.keyId());
    }

    /** The JOSE name of a mechanism given as a JOSE or a JCA algorithm name. */
    static String mechanism(String given) {
        if (JwsChecks.ALLOWED_ALGORITHMS.contains(given)) {
            return given;
        }
        return Optional.ofNullable(JCA_MECHANISMS.get(given.toUpperCase(Locale.ROOT).replace("-", "")))
                .orElseThrow(() -> invalid("params.mechanism '" + given + "' is not supported; use one of "
                        + String.join(", ", JwsChecks.ALLOWED_ALGORITHMS.stream().sorted().toList())));
    }

    static InvalidInput invalid(String message) {
        return InvalidInput.field(message);
    }
}
