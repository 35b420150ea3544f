package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * What the contract says a device fetches for a submitted {@code provision} body, so the answer
 * builder can be tested without a server: the command plus header and the profile fields the
 * server adds.
 */
final class DeliveredMessages {

    static final String FQDN = "hermod.example.test";
    static final String BOX_URL = "https://hermod.example.test/hermod/rest/ms/";

    private DeliveredMessages() {
    }

    static JsonObject provisioning(JsonObject submitted, String profileId, String permanentBid, String boxtoken) {
        JsonObject command = submitted.getJsonObject("provCommand");
        JsonObject profile = Json.createObjectBuilder(command.getJsonObject("profile"))
                .add("id", profileId)
                .add("boxurl", BOX_URL + permanentBid)
                .add("boxtoken", boxtoken)
                .build();
        return Json.createObjectBuilder()
                .add("header", Json.createObjectBuilder()
                        .add("bid", UUID.randomUUID().toString())
                        .add("mid", UUID.randomUUID().toString())
                        .add("commandId", UUID.randomUUID().toString())
                        .add("commandType", "PROV")
                        .add("expires", "2030-01-01T00:00:00Z")
                        .add("fqdn", FQDN))
                .add("provCommand", Json.createObjectBuilder(command).add("profile", profile))
                .build();
    }

    static JsonObject provisioning(JsonObject submitted) {
        return provisioning(submitted, UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }
}
