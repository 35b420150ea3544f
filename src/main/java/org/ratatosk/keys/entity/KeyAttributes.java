package org.ratatosk.keys.entity;

/** The Securosys key attributes. Only ever made stricter once the key exists. */
public record KeyAttributes(boolean decrypt, boolean sign, boolean unwrap, boolean derive, boolean bip32,
                            boolean extractable, boolean modifiable, boolean destroyable) {

    /**
     * True when every capability of {@code proposed} is also one of these attributes: it may take
     * capabilities away (sign, decrypt, extractable, modifiable, destroyable...) but never add one.
     */
    public boolean allowsRestrictionTo(KeyAttributes proposed) {
        return noLooser(decrypt, proposed.decrypt) && noLooser(sign, proposed.sign)
                && noLooser(unwrap, proposed.unwrap) && noLooser(derive, proposed.derive)
                && noLooser(bip32, proposed.bip32) && noLooser(extractable, proposed.extractable)
                && noLooser(modifiable, proposed.modifiable) && noLooser(destroyable, proposed.destroyable);
    }

    private static boolean noLooser(boolean current, boolean proposed) {
        return current || !proposed;
    }
}
