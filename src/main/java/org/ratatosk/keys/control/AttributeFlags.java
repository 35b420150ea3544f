package org.ratatosk.keys.control;

import org.ratatosk.keys.entity.KeyAttributes;

/** A key's attributes as a request gives them, in the order they are checked; a flag not given keeps its value. */
public record AttributeFlags(Boolean decrypt, Boolean sign, Boolean unwrap, Boolean derive, Boolean bip32,
                             Boolean extractable, Boolean modifiable, Boolean destroyable) {

    KeyAttributes over(KeyAttributes defaults) {
        return new KeyAttributes(
                or(decrypt, defaults.decrypt()), or(sign, defaults.sign()),
                or(unwrap, defaults.unwrap()), or(derive, defaults.derive()),
                or(bip32, defaults.bip32()), or(extractable, defaults.extractable()),
                or(modifiable, defaults.modifiable()), or(destroyable, defaults.destroyable()));
    }

    private static boolean or(Boolean given, boolean fallback) {
        return given == null ? fallback : given;
    }
}
