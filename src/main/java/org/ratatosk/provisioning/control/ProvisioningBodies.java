package org.ratatosk.provisioning.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * A {@code provCommand} as records, read level by level: the command, its profile, each key
 * generation request and each key type it prefers. Seed 001 spells two fields
 * {@code keytypepriors} and {@code storagepriors}; the second spelling is read only when the first
 * is absent, so it is a plain JSON value until then, checked with the first one's rules.
 */
public final class ProvisioningBodies {

    private static final Set<String> STORAGES = Set.of("YUBI", "OS", "APP", "TPM");

    private ProvisioningBodies() {
    }

    public record Command(
            @NotEmpty(message = "'nonce' is required") String nonce,
            @NotEmpty(message = "'userid' is required") String userid,
            @Pattern(regexp = "jws", message = "'responseformat' must be 'jws'") String responseformat,
            @NotNull(message = "'profile' is required and must be a JSON object") JsonObject profile) {
    }

    public record Profile(String name, String servername, JsonArray keygenrequests) {
    }

    public record KeyGen(
            @NotEmpty(message = "'keyid' is required") String keyid,
            JsonArray keytypeprios,
            JsonValue keytypepriors,
            JsonArray storageprios,
            JsonValue storagepriors,
            String certreq,
            String usage,
            String keystate) implements Bodies.Checked {

        static KeyGen of(JsonValue value) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidInput.field("'keygenrequests' items must be objects");
            }
            return Bodies.bind(value.asJsonObject(), KeyGen.class);
        }

        @Override
        public void check(String component) {
            switch (component) {
                case "keytypepriors" -> keyTypes();
                case "storagepriors" -> {
                    JsonArray storage = storageprios != null ? storageprios : array(storagepriors, "storagepriors");
                    if (storage != null && !storage.stream().allMatch(v -> v instanceof JsonString s && STORAGES.contains(s.getString()))) {
                        throw InvalidInput.field("'storageprios' values must be YUBI, OS, APP or TPM");
                    }
                }
                case "certreq" -> {
                    if (certreq != null) {
                        ResignedCertificationRequests.parse(certreq, "dummy certreq of " + keyid)
                                .orElseThrow(() -> InvalidInput.field("'certreq' of " + keyid + " is not a PKCS#10 request"));
                    }
                }
                default -> {
                }
            }
        }

        /** The key types the request prefers, first first, in either spelling. */
        List<KeyType> keyTypes() {
            JsonArray prios = keytypeprios != null ? keytypeprios : array(keytypepriors, "keytypepriors");
            if (prios == null) {
                throw InvalidInput.field("'keytypeprios' is required for " + keyid);
            }
            if (prios.isEmpty()) {
                throw InvalidInput.field("'keytypeprios' is empty for " + keyid);
            }
            return prios.stream().map(KeyType::of).toList();
        }
    }

    public record KeyType(
            @NotEmpty(message = "'keytype' is required") String keytype,
            @NotNull(message = "'keylength' is required") Long keylength,
            String responsemechanism) implements Bodies.Checked {

        static KeyType of(JsonValue value) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidInput.field("'keytypeprios' items must be objects");
            }
            return Bodies.bind(value.asJsonObject(), KeyType.class);
        }

        @Override
        public void check(String component) {
            switch (component) {
                case "keytype" -> {
                    String given = keytype.toUpperCase(Locale.ROOT);
                    if (!given.equals("RSA") && !given.equals("EC") && !given.equals("ECC")) {
                        throw InvalidInput.field("keytype must be RSA or EC");
                    }
                }
                case "responsemechanism" -> {
                    if (responsemechanism != null && !JwsChecks.ALLOWED_ALGORITHMS.contains(responsemechanism)) {
                        throw InvalidInput.field("responsemechanism '" + responsemechanism + "' is not supported");
                    }
                }
                default -> {
                }
            }
        }

        /** RSA or EC, whichever way the command spelled it. */
        String algorithm() {
            return keytype.toUpperCase(Locale.ROOT).startsWith("EC") ? "EC" : "RSA";
        }
    }

    /** A member in its second spelling, which must be an array as the first must. */
    private static JsonArray array(JsonValue value, String name) {
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + name + "' must be an array");
        }
        return value.asJsonArray();
    }
}
