package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.util.Map;

/**
 * A built provisioning answer before it is sent: the compact JWS, the keys the device made for it
 * (by keyid) and the permanent mailbox and profile id the device keeps if the server accepts it.
 */
public record ProvisioningAnswer(String jws, Map<String, KeyPair> keys, String profileId, Mailbox mailbox) {

    /** {@code {"provResponse":{"code":0,"result":{"contenttype":"jws","data":...}}}} */
    public JsonObject body() {
        return Json.createObjectBuilder()
                .add("provResponse", Json.createObjectBuilder()
                        .add("code", 0)
                        .add("result", Json.createObjectBuilder().add("contenttype", "jws").add("data", jws)))
                .build();
    }
}
