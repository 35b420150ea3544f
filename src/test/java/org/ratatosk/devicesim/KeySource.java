package org.ratatosk.devicesim;

import java.security.KeyPair;

/**
 * Where a device's new keys come from. RSA generation costs tens of milliseconds, which would
 * dominate a benchmark's client side; a pool lets that cost be paid before measuring.
 */
public interface KeySource {

    KeyPair next(KeySpec spec);

    /** Generates each key when asked, as a real device does. */
    static KeySource onDemand() {
        return KeySpec::generate;
    }
}
