package org.ratatosk.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.Rule;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.DeterministicEcdsa;
import org.ratatosk.tokens.control.SignatureScheme;
import org.ratatosk.tokens.control.Tokens;

/**
 * TSB's signing and verification with a key: {@code signRequest} signed by the token,
 * {@code verifySignatureRequest} checked with the key's public key. ECDSA signatures come DER
 * encoded or, as {@code signatureType} RAW, as r||s.
 */
@Stateless
public class Signatures {

    @Inject
    Keys keys;

    @Inject
    Tokens tokens;

    @Inject
    KeyRequests requests;

    /** Signs at once; a key whose use needs approval is signed through the asynchronous call. */
    public JsonObject sign(SignatureBodies.Sign body) {
        JsonObject request = body.signRequest();
        ManagedKey key = keys.require(Bodies.bind(request, SignatureBodies.SignRequest.class).signKeyName());
        if (KeyPolicy.fromStored(key.policy()).use().needsApproval()) {
            throw new Refused(ErrorCode.APPROVAL_REQUIRED, "Key '" + key.label()
                    + "' is governed by approvals; sign through /v1/sign");
        }
        return Jsons.createObjectBuilder().add("signature", signature(key, request)).addNull("keyVersion").build();
    }

    /**
     * TSB's asynchronous sign: checked completely, then waiting for approval under the key's use
     * rule, or signed at once and recorded as an executed request. Either way the answer names
     * the request.
     */
    public JsonObject submit(SignatureBodies.Sign body) {
        JsonObject request = body.signRequest();
        ManagedKey key = keys.require(Bodies.bind(request, SignatureBodies.SignRequest.class).signKeyName());
        Rule rule = KeyPolicy.fromStored(key.policy()).use();
        if (rule.needsApproval()) {
            check(key, request);
            return Jsons.createObjectBuilder().add("signRequestId", requests.submit(key, KeyPolicy.Operation.SIGN, request, rule)).build();
        }
        String signature = signature(key, request);
        return Jsons.createObjectBuilder().add("signRequestId",
                requests.executedAtOnce(key, KeyPolicy.Operation.SIGN, request, signature)).add("signature", signature).build();
    }

    /** What signing would refuse, refused before the approvers are asked. */
    private void check(ManagedKey key, JsonObject request) {
        SignatureScheme scheme = Bodies.bind(request, SignatureBodies.Algorithm.class).scheme();
        scheme.requireFits(key.algorithm());
        requireRoom(key, scheme, scheme.digestOf(Bodies.bind(request, SignatureBodies.Payload.class).bytes()));
        if (scheme.padding() == SignatureScheme.Padding.ECDSA_DETERMINISTIC && !tokens.token().signsDeterministicEcdsa()) {
            throw DeterministicEcdsa.refusedByHsm();
        }
    }

    /** Signs for an approved request, in a transaction of its own. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public String signApproved(String keyLabelId, JsonObject request) {
        return signature(keys.require(keyLabelId), request);
    }

    /** The signature of a checked request, base64. */
    public String signature(ManagedKey key, JsonObject request) {
        keys.requireUsable(key, Keys.Usage.SIGN);
        SignatureScheme scheme = Bodies.bind(request, SignatureBodies.Algorithm.class).scheme();
        scheme.requireFits(key.algorithm());
        boolean raw = Bodies.bind(request, SignatureBodies.Format.class).raw();
        byte[] payload = Bodies.bind(request, SignatureBodies.Payload.class).bytes();
        byte[] digest = scheme.digestOf(payload);
        requireRoom(key, scheme, digest);
        byte[] signature = switch (scheme.padding()) {
            case PSS -> pssSign(key, scheme, digest);
            case ECDSA_DETERMINISTIC -> tokens.token().signDeterministicEcdsa(key.labelId(), scheme.digest(), digest);
            default -> tokens.token().sign(key.labelId(), scheme.tokenAlgorithm(), null, scheme.tokenInput(digest));
        };
        if (raw && "EC".equals(key.algorithm())) {
            signature = rawOf(signature, fieldBytes((ECPublicKey) keys.publicKey(key)));
        }
        return Base64.getEncoder().encodeToString(signature);
    }

    /**
     * RSASSA-PSS over a digest: BouncyCastle encodes the block, the token applies the raw private
     * key operation. PKCS#11 providers' PSS hash the message themselves, which a digest-only
     * request cannot give them.
     */
    private byte[] pssSign(ManagedKey key, SignatureScheme scheme, byte[] digest) {
        RSAPublicKey publicKey = (RSAPublicKey) keys.publicKey(key);
        CryptoToken token = tokens.token();
        int modulusBytes = (publicKey.getModulus().bitLength() + 7) / 8;
        AsymmetricBlockCipher rawPrivate = new AsymmetricBlockCipher() {
            @Override
            public void init(boolean forEncryption, CipherParameters parameters) {
            }

            @Override
            public int getInputBlockSize() {
                return modulusBytes;
            }

            @Override
            public int getOutputBlockSize() {
                return modulusBytes;
            }

            @Override
            public byte[] processBlock(byte[] in, int offset, int length) {
                return token.cipher(key.labelId(), "RSA/ECB/NoPadding", Cipher.ENCRYPT_MODE, null, null,
                        Arrays.copyOfRange(in, offset, offset + length));
            }
        };
        PSSParameterSpec parameters = scheme.pssParameters(digest);
        PSSSigner signer = PSSSigner.createRawSigner(rawPrivate, SignatureScheme.bcDigest(parameters.getDigestAlgorithm()),
                SignatureScheme.bcDigest(parameters.getDigestAlgorithm()), parameters.getSaltLength(), PSSSigner.TRAILER_IMPLICIT);
        signer.init(true, new ParametersWithRandom(new RSAKeyParameters(false, publicKey.getModulus(),
                publicKey.getPublicExponent()), new java.security.SecureRandom()));
        signer.update(digest, 0, digest.length);
        try {
            byte[] signature = signer.generateSignature();
            if (signature.length < modulusBytes) {
                byte[] padded = new byte[modulusBytes];
                System.arraycopy(signature, 0, padded, modulusBytes - signature.length, signature.length);
                signature = padded;
            }
            return signature;
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new IllegalStateException("RSASSA-PSS encoding failed", e);
        }
    }

    public JsonObject verify(SignatureBodies.Verify body) {
        JsonObject request = body.verifySignatureRequest();
        ManagedKey key = keys.require(Bodies.bind(request, SignatureBodies.SignKey.class).signKeyName());
        if ("AES".equals(key.algorithm())) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, "Key '" + key.label() + "' is a secret key");
        }
        SignatureScheme scheme = Bodies.bind(request, SignatureBodies.Algorithm.class).scheme();
        scheme.requireFits(key.algorithm());
        byte[] digest = scheme.digestOf(Bodies.bind(request, SignatureBodies.Payload.class).bytes());
        requireRoom(key, scheme, digest);
        byte[] signature = Bodies.bind(request, SignatureBodies.Signature.class).bytes();
        return Jsons.createObjectBuilder().add("signatureValid", verifies(keys.publicKey(key), scheme, digest, signature)).build();
    }

    static boolean verifies(PublicKey publicKey, SignatureScheme scheme, byte[] digest, byte[] signature) {
        try {
            if (scheme.padding() == SignatureScheme.Padding.PSS) {
                RSAPublicKey rsa = (RSAPublicKey) publicKey;
                PSSParameterSpec parameters = scheme.pssParameters(digest);
                PSSSigner pss = PSSSigner.createRawSigner(new org.bouncycastle.crypto.engines.RSAEngine(),
                        SignatureScheme.bcDigest(parameters.getDigestAlgorithm()),
                        SignatureScheme.bcDigest(parameters.getDigestAlgorithm()), parameters.getSaltLength(),
                        PSSSigner.TRAILER_IMPLICIT);
                pss.init(false, new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
                pss.update(digest, 0, digest.length);
                return pss.verifySignature(signature);
            }
            Signature verifier = Signature.getInstance(scheme.tokenAlgorithm());
            if (publicKey instanceof ECPublicKey ec) {
                signature = derOf(signature, fieldBytes(ec));
            }
            verifier.initVerify(publicKey);
            verifier.update(scheme.tokenInput(digest));
            return verifier.verify(signature);
        } catch (java.security.SignatureException | IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot verify with " + scheme.name(), e);
        }
    }

    /** Only a digest given as the payload can be too long for the key: one the server computes fits. */
    private void requireRoom(ManagedKey key, SignatureScheme scheme, byte[] digest) {
        if (scheme.payloadIsDigest()) {
            scheme.requireRoom(digest, keys.publicKey(key));
        }
    }

    private static int fieldBytes(ECPublicKey key) {
        return (key.getParams().getOrder().bitLength() + 7) / 8;
    }

    /** DER SEQUENCE{r,s} to r||s, each padded to the curve's size. */
    static byte[] rawOf(byte[] der, int size) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] raw = new byte[2 * size];
        copy(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(), raw, 0, size);
        copy(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue(), raw, size, size);
        return raw;
    }

    private static void copy(BigInteger value, byte[] target, int offset, int size) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > size ? bytes.length - size : 0;
        System.arraycopy(bytes, skip, target, offset + size - (bytes.length - skip), bytes.length - skip);
    }

    /** r||s to DER; a signature that is already DER passes unchanged. */
    static byte[] derOf(byte[] signature, int size) {
        if (signature.length != 2 * size || signature.length > 0 && signature[0] == 0x30 && isDer(signature)) {
            return signature;
        }
        ASN1EncodableVector values = new ASN1EncodableVector();
        values.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(signature, 0, size))));
        values.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(signature, size, 2 * size))));
        try {
            return new DERSequence(values).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDer(byte[] signature) {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
            return sequence.size() == 2 && Arrays.equals(sequence.getEncoded("DER"), signature);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
    }
}
