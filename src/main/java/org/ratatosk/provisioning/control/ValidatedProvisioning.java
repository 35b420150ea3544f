package org.ratatosk.provisioning.control;

import java.util.List;

/** What a valid provisioning answer establishes: the device's info and its proven keys. */
public record ValidatedProvisioning(String deviceInfo, List<Key> keys) {

    public record Key(String keyId, String usage, String keyState, String jwk, String thumbprint, String certReq) {
    }
}
