package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Bodies of the commands after provisioning, shaped as contract 2.2 and seed 002 describe them. */
public final class CommandBodies {

    private CommandBodies() {
    }

    public static JsonObject header(List<String> to, int lifespan, int timeout, String externalId) {
        JsonArrayBuilder addresses = Json.createArrayBuilder();
        to.forEach(addresses::add);
        JsonObjectBuilder header = Json.createObjectBuilder().add("to", addresses).add("lifespan", lifespan).add("timeout", timeout);
        if (externalId != null) {
            header.add("externalId", externalId);
        }
        return header.build();
    }

    /** A tbs item of UTF-8 text. */
    public static JsonObject text(String key, String data) {
        return Json.createObjectBuilder().add("key", key).add("data", data).add("content_type", "text/plain")
                .add("content_encoding", "utf-8").add("description", "Text to sign").add("visible", true).build();
    }

    /** {@code signCommand} or {@code authCommand} with params of the given tbs items and format. */
    public static JsonObject sign(String type, String to, JsonArray tbs, String format, String externalId) {
        String bodyKey = "authenticate".equals(type) ? "authCommand" : "signCommand";
        return Json.createObjectBuilder()
                .add("commandHeader", header(List.of(to), 60, 60, externalId))
                .add(bodyKey, Json.createObjectBuilder().add("params", Json.createObjectBuilder()
                        .add("description", Json.createArrayBuilder().add("Please confirm"))
                        .add("tbs", tbs)
                        .add("format", format))).build();
    }

    public static JsonObject ping(String to, String profileId) {
        return Json.createObjectBuilder()
                .add("commandHeader", header(List.of(to), 60, 60, null))
                .add("pingCommand", Json.createObjectBuilder().add("deviceinfo", "true").add("profileinfo", true)
                        .add("profileid", profileId)).build();
    }

    public static JsonObject delete(String to, String profileId, boolean confirmed) {
        return Json.createObjectBuilder()
                .add("commandHeader", header(List.of(to), 60, 60, null))
                .add("deleteCommand", Json.createObjectBuilder().add("profileid", profileId)
                        .add("vscinfo", Json.createObjectBuilder().add("smartcardid", profileId))
                        .add("confirmed", confirmed)).build();
    }

    public static JsonObject startPinReset(String to, String smartcardId) {
        return Json.createObjectBuilder()
                .add("commandHeader", header(List.of(to), 60, 60, null))
                .add("spinCommand", Json.createObjectBuilder().add("smartcardid", smartcardId)).build();
    }

    public static JsonObject endPinReset(String to, String smartcardId, String encryptedNonce, String newAdminKey) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("smartcardid", smartcardId).add("encryptednonce", encryptedNonce);
        if (newAdminKey != null) {
            body.add("newadminkey", newAdminKey);
        }
        return Json.createObjectBuilder()
                .add("commandHeader", header(List.of(to), 60, 60, null))
                .add("epinCommand", body).build();
    }
}
