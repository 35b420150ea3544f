package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.Rule;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.Tokens;

/**
 * TSB's encryption and decryption. RSA encrypts with the public key and decrypts in the token;
 * OAEP is unpadded by the server around the token's raw RSA, since PKCS#11 providers offer OAEP
 * unevenly. AES runs in the token in both directions, with a fresh IV from the token.
 */
@Stateless
public class Ciphers {

    @Inject
    Keys keys;

    @Inject
    Tokens tokens;

    @Inject
    KeyRequests requests;

    public JsonObject encrypt(CipherBodies.Encrypt body) {
        JsonObject request = body.encryptRequest();
        ManagedKey key = keys.require(Bodies.bind(request, CipherBodies.EncryptKey.class).encryptKeyName());
        CipherBodies.Encryption encryption = Bodies.bind(request, CipherBodies.Encryption.class);
        String algorithm = encryption.cipherAlgorithm().toUpperCase(Locale.ROOT);
        byte[] payload = base64(encryption.payload(), "payload");
        JsonObjectBuilder answer = Jsons.createObjectBuilder();
        if ("RSA".equals(key.algorithm())) {
            if (key.blocked()) {
                throw new Conflict(ErrorCode.KEY_BLOCKED, "Key '" + key.label() + "' is blocked");
            }
            byte[] encrypted = RsaPadding.encrypt((RSAPublicKey) keys.publicKey(key), algorithm, payload);
            String text = Base64.getEncoder().encodeToString(encrypted);
            return answer.add("encryptedPayload", text).add("encryptedPayloadWithoutMessageAuthenticationCode", text)
                    .addNull("initializationVector").addNull("messageAuthenticationCode").addNull("keyVersion").build();
        }
        if (!"AES".equals(key.algorithm())) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_CIPHER_ALGORITHM, "Key '" + key.label() + "' cannot encrypt");
        }
        keys.requireUsable(key, Keys.Usage.DECRYPT);
        AesMode mode = AesMode.parse(algorithm);
        int tagBits = tagLength(request);
        byte[] iv = mode.ivLength == 0 ? null : tokens.token().random(mode.ivLength);
        byte[] encrypted = tokens.token().cipher(key.labelId(), mode.transformation, Cipher.ENCRYPT_MODE,
                mode.parameters(iv, tagBits), aad(request, mode, algorithm), payload);
        String text = Base64.getEncoder().encodeToString(encrypted);
        answer.add("encryptedPayload", text);
        if (mode == AesMode.GCM) {
            int tagBytes = tagBits / 8;
            answer.add("encryptedPayloadWithoutMessageAuthenticationCode",
                            Base64.getEncoder().encodeToString(Arrays.copyOf(encrypted, encrypted.length - tagBytes)))
                    .add("messageAuthenticationCode",
                            Base64.getEncoder().encodeToString(Arrays.copyOfRange(encrypted, encrypted.length - tagBytes, encrypted.length)));
        } else {
            answer.add("encryptedPayloadWithoutMessageAuthenticationCode", text).addNull("messageAuthenticationCode");
        }
        if (iv != null) {
            answer.add("initializationVector", Base64.getEncoder().encodeToString(iv));
        } else {
            answer.addNull("initializationVector");
        }
        return answer.addNull("keyVersion").build();
    }

    /** Decrypts at once; a key whose use needs approval decrypts through the asynchronous call. */
    public JsonObject decrypt(CipherBodies.Decrypt body) {
        JsonObject request = body.decryptRequest();
        ManagedKey key = keys.require(Bodies.bind(request, CipherBodies.DecryptKey.class).decryptKeyName());
        if (KeyPolicy.fromStored(key.policy()).use().needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label()
                    + "' is governed by approvals; decrypt through /v1/decrypt");
        }
        return Jsons.createObjectBuilder().add("payload", Base64.getEncoder().encodeToString(plain(key, request))).build();
    }

    /** TSB's asynchronous decrypt: waits for approval under the key's use rule, or decrypts at once as an executed request. */
    public JsonObject submit(CipherBodies.Decrypt body) {
        JsonObject request = body.decryptRequest();
        ManagedKey key = keys.require(Bodies.bind(request, CipherBodies.DecryptKey.class).decryptKeyName());
        Rule rule = KeyPolicy.fromStored(key.policy()).use();
        if (rule.needsApproval()) {
            keys.requireUsable(key, Keys.Usage.DECRYPT);
            base64(request, "encryptedPayload");
            return Jsons.createObjectBuilder().add("decryptRequestId", requests.submit(key, KeyPolicy.Operation.DECRYPT, request, rule)).build();
        }
        String payload = Base64.getEncoder().encodeToString(plain(key, request));
        return Jsons.createObjectBuilder().add("decryptRequestId",
                requests.executedAtOnce(key, KeyPolicy.Operation.DECRYPT, request, payload)).add("payload", payload).build();
    }

    /** Decrypts for an approved request, in a transaction of its own; the result is the base64 plain text. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public String decryptApproved(String keyLabelId, JsonObject request) {
        return Base64.getEncoder().encodeToString(plain(keys.require(keyLabelId), request));
    }

    byte[] plain(ManagedKey key, JsonObject request) {
        keys.requireUsable(key, Keys.Usage.DECRYPT);
        CipherBodies.Decryption decryption = Bodies.bind(request, CipherBodies.Decryption.class);
        String algorithm = decryption.cipherAlgorithm().toUpperCase(Locale.ROOT);
        byte[] encrypted = base64(decryption.encryptedPayload(), "encryptedPayload");
        CryptoToken token = tokens.token();
        if ("RSA".equals(key.algorithm())) {
            RSAPublicKey publicKey = (RSAPublicKey) keys.publicKey(key);
            return switch (algorithm) {
                case "RSA", "RSA_PADDING_PKCS" -> token.cipher(key.labelId(), "RSA/ECB/PKCS1Padding", Cipher.DECRYPT_MODE, null, null, encrypted);
                case "RSA_NO_PADDING" -> token.cipher(key.labelId(), "RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, null, null, encrypted);
                default -> {
                    String digest = RsaPadding.oaepDigest(algorithm);
                    byte[] raw = token.cipher(key.labelId(), "RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, null, null, encrypted);
                    yield RsaPadding.unpadOaep(raw, publicKey.getModulus().bitLength(), digest);
                }
            };
        }
        if (!"AES".equals(key.algorithm())) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_CIPHER_ALGORITHM, "Key '" + key.label() + "' cannot decrypt");
        }
        AesMode mode = AesMode.parse(algorithm);
        byte[] iv = null;
        if (mode.ivLength > 0) {
            iv = base64(request, "initializationVector");
        }
        int tagBits = tagLength(request);
        if (mode == AesMode.GCM && encrypted.length < tagBits / 8) {
            throw new InvalidInput(ErrorCode.DECRYPTION_FAILED, "The data cannot be decrypted with key '" + key.label()
                    + "': it is shorter than its " + tagBits + "-bit authentication tag");
        }
        return token.cipher(key.labelId(), mode.transformation, Cipher.DECRYPT_MODE, mode.parameters(iv, tagBits),
                aad(request, mode, algorithm), encrypted);
    }

    private static int tagLength(JsonObject request) {
        long bits = JsonBodies.optionalLong(request, "tagLength").orElse(128L);
        if (bits != 96 && bits != 104 && bits != 112 && bits != 120 && bits != 128) {
            throw InvalidInput.field("'tagLength' must be 96, 104, 112, 120 or 128");
        }
        return (int) bits;
    }

    /**
     * The additional authenticated data, which only AES_GCM authenticates: given with another mode
     * it would be ignored while the caller believes it protected, so it is refused.
     */
    private static byte[] aad(JsonObject request, AesMode mode, String algorithm) {
        byte[] aad = request.containsKey("additionalAuthenticationData") && !request.isNull("additionalAuthenticationData")
                ? base64(request, "additionalAuthenticationData") : null;
        if (mode == AesMode.GCM || aad == null || aad.length == 0) {
            return mode == AesMode.GCM ? aad : null;
        }
        throw InvalidInput.field("'additionalAuthenticationData' is only authenticated by AES_GCM, not by " + algorithm);
    }

    private static byte[] base64(JsonObject request, String field) {
        return base64(JsonBodies.requireString(request, field), field);
    }

    private static byte[] base64(String text, String field) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("'" + field + "' must be base64");
        }
    }
}
