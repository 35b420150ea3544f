package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * TSB's encrypt and decrypt bodies. Their fields are read in three steps, as the key decides what
 * follows: the request object, the key it names, and once the key is found and usable, the
 * algorithm and the data. The AES parameters are read by the cipher, which alone knows it needs them.
 */
public final class CipherBodies {

    private CipherBodies() {
    }

    public record Encrypt(@NotNull(message = "'encryptRequest' is required and must be a JSON object") JsonObject encryptRequest) {
    }

    public record EncryptKey(@NotEmpty(message = "'encryptKeyName' is required") String encryptKeyName) {
    }

    public record Encryption(
            @NotEmpty(message = "'cipherAlgorithm' is required") String cipherAlgorithm,
            @NotEmpty(message = "'payload' is required") String payload) {
    }

    public record Decrypt(@NotNull(message = "'decryptRequest' is required and must be a JSON object") JsonObject decryptRequest) {
    }

    public record DecryptKey(@NotEmpty(message = "'decryptKeyName' is required") String decryptKeyName) {
    }

    public record Decryption(
            @NotEmpty(message = "'cipherAlgorithm' is required") String cipherAlgorithm,
            @NotEmpty(message = "'encryptedPayload' is required") String encryptedPayload) {
    }
}
