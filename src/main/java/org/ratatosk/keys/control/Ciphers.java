package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.util.DigestFactory;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.Rule;
import org.ratatosk.keys.entity.ManagedKey;
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

    public JsonObject encrypt(JsonObject body) {
        JsonObject request = JsonBodies.requireObject(body, "encryptRequest");
        ManagedKey key = keys.require(JsonBodies.requireString(request, "encryptKeyName"));
        String algorithm = JsonBodies.requireString(request, "cipherAlgorithm").toUpperCase(Locale.ROOT);
        byte[] payload = base64(request, "payload");
        JsonObjectBuilder answer = Jsons.createObjectBuilder();
        if ("RSA".equals(key.algorithm())) {
            if (key.blocked()) {
                throw new Conflict(ErrorCode.KEY_BLOCKED, "Key '" + key.label() + "' is blocked");
            }
            byte[] encrypted = rsaEncrypt((RSAPublicKey) keys.publicKey(key), algorithm, payload);
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
                mode.parameters(iv, tagBits), aad(request), payload);
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
    public JsonObject decrypt(JsonObject body) {
        JsonObject request = JsonBodies.requireObject(body, "decryptRequest");
        ManagedKey key = keys.require(JsonBodies.requireString(request, "decryptKeyName"));
        if (KeyPolicy.fromStored(key.policy()).use().needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label()
                    + "' is governed by approvals; decrypt through /v1/decrypt");
        }
        return Jsons.createObjectBuilder().add("payload", Base64.getEncoder().encodeToString(plain(key, request))).build();
    }

    /** TSB's asynchronous decrypt: waits for approval under the key's use rule, or decrypts at once as an executed request. */
    public JsonObject submit(JsonObject body) {
        JsonObject request = JsonBodies.requireObject(body, "decryptRequest");
        ManagedKey key = keys.require(JsonBodies.requireString(request, "decryptKeyName"));
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
        String algorithm = JsonBodies.requireString(request, "cipherAlgorithm").toUpperCase(Locale.ROOT);
        byte[] encrypted = base64(request, "encryptedPayload");
        CryptoToken token = tokens.token();
        if ("RSA".equals(key.algorithm())) {
            RSAPublicKey publicKey = (RSAPublicKey) keys.publicKey(key);
            return switch (algorithm) {
                case "RSA", "RSA_PADDING_PKCS" -> token.cipher(key.labelId(), "RSA/ECB/PKCS1Padding", Cipher.DECRYPT_MODE, null, null, encrypted);
                case "RSA_NO_PADDING" -> token.cipher(key.labelId(), "RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, null, null, encrypted);
                default -> {
                    String digest = oaepDigest(algorithm);
                    byte[] raw = token.cipher(key.labelId(), "RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, null, null, encrypted);
                    yield unpadOaep(raw, publicKey.getModulus().bitLength(), digest);
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
        return token.cipher(key.labelId(), mode.transformation, Cipher.DECRYPT_MODE, mode.parameters(iv, tagLength(request)),
                aad(request), encrypted);
    }

    static byte[] rsaEncrypt(RSAPublicKey publicKey, String algorithm, byte[] payload) {
        try {
            Cipher cipher;
            switch (algorithm) {
                case "RSA", "RSA_PADDING_PKCS" -> {
                    cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                    cipher.init(Cipher.ENCRYPT_MODE, publicKey);
                }
                case "RSA_NO_PADDING" -> {
                    cipher = Cipher.getInstance("RSA/ECB/NoPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, publicKey);
                }
                default -> {
                    String digest = oaepDigest(algorithm);
                    cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec(digest, "MGF1",
                            new MGF1ParameterSpec(digest), PSource.PSpecified.DEFAULT));
                }
            }
            return cipher.doFinal(payload);
        } catch (javax.crypto.IllegalBlockSizeException | javax.crypto.BadPaddingException e) {
            throw new InvalidInput(ErrorCode.INVALID_PAYLOAD, "The payload is too long for " + algorithm + " with this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt with " + algorithm, e);
        }
    }

    /** The OAEP digest of a TSB cipher algorithm; MGF1 uses the same digest. */
    static String oaepDigest(String algorithm) {
        return switch (algorithm) {
            case "RSA_PADDING_OAEP", "RSA_PADDING_OAEP_WITH_SHA1" -> "SHA-1";
            case "RSA_PADDING_OAEP_WITH_SHA224" -> "SHA-224";
            case "RSA_PADDING_OAEP_WITH_SHA256" -> "SHA-256";
            case "RSA_PADDING_OAEP_WITH_SHA384" -> "SHA-384";
            case "RSA_PADDING_OAEP_WITH_SHA512" -> "SHA-512";
            default -> throw new InvalidInput(ErrorCode.UNSUPPORTED_CIPHER_ALGORITHM, "Cipher algorithm '" + algorithm
                    + "' is not supported for RSA keys");
        };
    }

    /** OAEP decoding of the token's raw RSA result, by BouncyCastle's OAEP over that one block. */
    static byte[] unpadOaep(byte[] raw, int modulusBits, String digest) {
        byte[] magnitude = new BigInteger(1, raw).toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] block = magnitude;
        AsymmetricBlockCipher decrypted = new AsymmetricBlockCipher() {
            @Override
            public void init(boolean forEncryption, CipherParameters parameters) {
            }

            @Override
            public int getInputBlockSize() {
                return (modulusBits + 7) / 8;
            }

            @Override
            public int getOutputBlockSize() {
                return (modulusBits - 1) / 8;
            }

            @Override
            public byte[] processBlock(byte[] in, int offset, int length) {
                return block;
            }
        };
        OAEPEncoding oaep = new OAEPEncoding(decrypted, digestOf(digest), digestOf(digest), null);
        oaep.init(false, null);
        try {
            return oaep.processBlock(raw, 0, raw.length);
        } catch (InvalidCipherTextException e) {
            throw new InvalidInput(ErrorCode.DECRYPTION_FAILED, "The data is not OAEP encrypted for this key with " + digest);
        }
    }

    private static org.bouncycastle.crypto.Digest digestOf(String name) {
        return switch (name) {
            case "SHA-1" -> DigestFactory.createSHA1();
            case "SHA-224" -> DigestFactory.createSHA224();
            case "SHA-256" -> DigestFactory.createSHA256();
            case "SHA-384" -> DigestFactory.createSHA384();
            default -> DigestFactory.createSHA512();
        };
    }

    private static int tagLength(JsonObject request) {
        long bits = JsonBodies.optionalLong(request, "tagLength").orElse(128L);
        if (bits != 96 && bits != 104 && bits != 112 && bits != 120 && bits != 128) {
            throw InvalidInput.field("'tagLength' must be 96, 104, 112, 120 or 128");
        }
        return (int) bits;
    }

    private static byte[] aad(JsonObject request) {
        return request.containsKey("additionalAuthenticationData") && !request.isNull("additionalAuthenticationData")
                ? base64(request, "additionalAuthenticationData") : null;
    }

    private static byte[] base64(JsonObject request, String field) {
        try {
            return Base64.getDecoder().decode(JsonBodies.requireString(request, field));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("'" + field + "' must be base64");
        }
    }

    /** TSB's AES cipher algorithms; "AES" is CBC with PKCS#7 padding. */
    enum AesMode {
        GCM("AES/GCM/NoPadding", 12), CTR("AES/CTR/NoPadding", 16), ECB("AES/ECB/NoPadding", 0),
        CBC_NO_PADDING("AES/CBC/NoPadding", 16), CBC("AES/CBC/PKCS5Padding", 16);

        final String transformation;
        final int ivLength;

        AesMode(String transformation, int ivLength) {
            this.transformation = transformation;
            this.ivLength = ivLength;
        }

        static AesMode parse(String algorithm) {
            return switch (algorithm) {
                case "AES_GCM" -> GCM;
                case "AES_CTR" -> CTR;
                case "AES_ECB" -> ECB;
                case "AES_CBC_NO_PADDING" -> CBC_NO_PADDING;
                case "AES" -> CBC;
                default -> throw new InvalidInput(ErrorCode.UNSUPPORTED_CIPHER_ALGORITHM, "Cipher algorithm '" + algorithm
                        + "' is not supported for AES keys; AES_GCM, AES_CTR, AES_ECB, AES_CBC_NO_PADDING and AES are");
            };
        }

        AlgorithmParameterSpec parameters(byte[] iv, int tagBits) {
            if (ivLength == 0) {
                return null;
            }
            if (iv == null || iv.length != ivLength) {
                throw InvalidInput.field("'initializationVector' must be " + ivLength + " bytes");
            }
            return this == GCM ? new GCMParameterSpec(tagBits, iv) : new IvParameterSpec(iv);
        }
    }
}
