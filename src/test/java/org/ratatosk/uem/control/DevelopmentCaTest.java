package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

class DevelopmentCaTest {

    @Test
    void onlyTheSoftwareKeyStoreWithoutAnyCaKeyGetsOneAndOnlyOnce() {
        assertTrue(DevelopmentCa.wanted("software", null, null, false));
        assertFalse(DevelopmentCa.wanted("pkcs11", null, null, false), "an HSM never gets a development CA");
        assertFalse(DevelopmentCa.wanted("software", "corporate-ca", null, false));
        assertFalse(DevelopmentCa.wanted("software", null, "stored-ca", false));
        assertFalse(DevelopmentCa.wanted("software", null, null, true));
    }

    @Test
    void storedSettingsAreValidatedWhole() {
        JsonObject good = Json.createObjectBuilder().add("caKey", "ca").add("keyAlgorithm", "EC_P256").add("poolSize", 1000)
                .add("passwordMode", "OTP").add("validityDays", "30").build();
        UemSettings.Values values = UemSettingsStore.parse(good);
        assertEquals(new UemSettings.Values("ca", KeyAlgorithm.EC_P256, 1000, UemSettings.PasswordSource.OTP, 30), values);
        assertEquals(KeyAlgorithm.RSA_3072, UemSettingsStore.parse(Json.createObjectBuilder(good)
                .add("keyAlgorithm", "rsa-3072").addNull("caKey").build()).keyAlgorithm());
        for (JsonObject bad : new JsonObject[] {
                Json.createObjectBuilder(good).add("poolSize", 1001).build(),
                Json.createObjectBuilder(good).add("validityDays", 0).build(),
                Json.createObjectBuilder(good).add("keyAlgorithm", "RSA_1024").build(),
                Json.createObjectBuilder(good).add("passwordMode", "none").build(),
                Json.createObjectBuilder(good).remove("caKey").build(),
                Json.createObjectBuilder(good).remove("poolSize").build(),
                Json.createObjectBuilder(good).add("more", true).build()}) {
            DomainException e = assertThrows(DomainException.class, () -> UemSettingsStore.parse(bad), bad.toString());
            assertEquals(ErrorCode.INVALID_FIELD, e.code(), bad.toString());
        }
    }
}
