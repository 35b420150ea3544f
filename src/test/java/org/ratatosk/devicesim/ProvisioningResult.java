package org.ratatosk.devicesim;

import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.util.Map;

/**
 * The outcome of answering a provisioning message: the server's reply, and what the device keeps
 * afterwards (its permanent mailbox, its keys by keyid, its profile id) for the commands that follow.
 */
public record ProvisioningResult(int status, JsonObject body, Mailbox mailbox, Map<String, KeyPair> keys,
        String profileId, String jws) {

    public boolean accepted() {
        return status == 200;
    }
}
