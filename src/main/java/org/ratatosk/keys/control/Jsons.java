package org.ratatosk.keys.control;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON provider for the key component: {@code Json.createObjectBuilder()} and friends look the
 * provider up again on every call, which costs more than the building on the issuing path.
 */
final class Jsons {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
