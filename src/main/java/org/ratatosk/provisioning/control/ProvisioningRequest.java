package org.ratatosk.provisioning.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;

/**
 * The parts of a {@code provCommand} that the answer is checked against. Reading it also
 * validates a submitted command's shape. Seed 001 spells two fields {@code keytypepriors} and
 * {@code storagepriors}; both spellings are read.
 */
public record ProvisioningRequest(String nonce, String userId, String name, String serverName,
                                  String responseFormat, List<KeyGenRequest> keyRequests) {

    public record KeyTypePrio(String keyType, int keyLength, String mechanism) {
    }

    public record KeyGenRequest(String keyId, String usage, String keyState, List<KeyTypePrio> keyTypePrios,
                                String certReq) {
    }

    public static ProvisioningRequest from(JsonObject provCommand) {
        String nonce = JsonBodies.requireString(provCommand, "nonce");
        String userId = JsonBodies.requireString(provCommand, "userid");
        String format = JsonBodies.optionalString(provCommand, "responseformat").orElse("jws");
        if (!"jws".equals(format)) {
            throw InvalidInput.field("'responseformat' must be 'jws'");
        }
        JsonObject profile = JsonBodies.requireObject(provCommand, "profile");
        String name = JsonBodies.optionalString(profile, "name").orElse(null);
        String serverName = JsonBodies.optionalString(profile, "servername").orElse(null);
        JsonArray requests = JsonBodies.optionalArray(profile, "keygenrequests").orElse(JsonValue.EMPTY_JSON_ARRAY);
        List<KeyGenRequest> keyRequests = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (JsonValue value : requests) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidInput.field("'keygenrequests' items must be objects");
            }
            KeyGenRequest request = keyRequest(value.asJsonObject());
            if (!keyIds.add(request.keyId())) {
                throw InvalidInput.field("keyid '" + request.keyId() + "' appears twice");
            }
            keyRequests.add(request);
        }
        return new ProvisioningRequest(nonce, userId, name, serverName, format, List.copyOf(keyRequests));
    }

    private static KeyGenRequest keyRequest(JsonObject request) {
        String keyId = JsonBodies.requireString(request, "keyid");
        JsonArray prios = spelledEither(request, "keytypeprios", "keytypepriors")
                .orElseThrow(() -> InvalidInput.field("'keytypeprios' is required for " + keyId));
        if (prios.isEmpty()) {
            throw InvalidInput.field("'keytypeprios' is empty for " + keyId);
        }
        List<KeyTypePrio> keyTypePrios = new ArrayList<>();
        for (JsonValue value : prios) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw InvalidInput.field("'keytypeprios' items must be objects");
            }
            JsonObject prio = value.asJsonObject();
            String keyType = JsonBodies.requireString(prio, "keytype").toUpperCase(java.util.Locale.ROOT);
            if (!keyType.equals("RSA") && !keyType.equals("EC") && !keyType.equals("ECC")) {
                throw InvalidInput.field("keytype must be RSA or EC");
            }
            long length = JsonBodies.optionalLong(prio, "keylength")
                    .orElseThrow(() -> InvalidInput.field("'keylength' is required"));
            String mechanism = JsonBodies.optionalString(prio, "responsemechanism").orElse(null);
            if (mechanism != null && !JwsChecks.ALLOWED_ALGORITHMS.contains(mechanism)) {
                throw InvalidInput.field("responsemechanism '" + mechanism + "' is not supported");
            }
            keyTypePrios.add(new KeyTypePrio(keyType.startsWith("EC") ? "EC" : "RSA", (int) length, mechanism));
        }
        Optional<JsonArray> storage = spelledEither(request, "storageprios", "storagepriors");
        storage.ifPresent(ProvisioningRequest::checkStorage);
        String certReq = JsonBodies.optionalString(request, "certreq").orElse(null);
        if (certReq != null) {
            ResignedCertificationRequests.parse(certReq, "dummy certreq of " + keyId)
                    .orElseThrow(() -> InvalidInput.field("'certreq' of " + keyId + " is not a PKCS#10 request"));
        }
        return new KeyGenRequest(keyId, JsonBodies.optionalString(request, "usage").orElse(null),
                JsonBodies.optionalString(request, "keystate").orElse(null), List.copyOf(keyTypePrios), certReq);
    }

    private static void checkStorage(JsonArray storage) {
        for (JsonValue value : storage) {
            if (!(value instanceof JsonString string) || !Set.of("YUBI", "OS", "APP", "TPM").contains(string.getString())) {
                throw InvalidInput.field("'storageprios' values must be YUBI, OS, APP or TPM");
            }
        }
    }

    private static Optional<JsonArray> spelledEither(JsonObject object, String key, String alternative) {
        return JsonBodies.optionalArray(object, key).or(() -> JsonBodies.optionalArray(object, alternative));
    }
}
