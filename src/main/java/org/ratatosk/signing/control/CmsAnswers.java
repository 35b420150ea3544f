package org.ratatosk.signing.control;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.jose4j.jwk.PublicJsonWebKey;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.StrictBase64;

/**
 * A CMS SignedData answer (base64 DER) over the decoded data of the one tbs item, the content
 * encapsulated or detached, with exactly one signer that one of the profile's keys verifies.
 * SHA-1, whose collisions can be made, is refused as digest and inside the signature algorithm.
 */
final class CmsAnswers {

    private CmsAnswers() {
    }


    private static final Set<String> SHA1_ALGORITHMS = Set.of(
            OIWObjectIdentifiers.idSHA1.getId(),
            PKCSObjectIdentifiers.sha1WithRSAEncryption.getId(),
            X9ObjectIdentifiers.ecdsa_with_SHA1.getId(),
            X9ObjectIdentifiers.id_dsa_with_sha1.getId(),
            OIWObjectIdentifiers.sha1WithRSA.getId(),
            OIWObjectIdentifiers.dsaWithSHA1.getId());

    static VerifiedSignature verify(String base64, SignRequest request, Map<String, PublicJsonWebKey> keys) throws AnswerRejected {
        byte[] tbs = request.tbsData().get(0);
        CMSSignedData signed = parse(base64, tbs);
        if (signed.getSignerInfos().size() != 1) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "The SignedData must have exactly one signer, it has "
                    + signed.getSignerInfos().size());
        }
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        refuseSha1(signer);
        boolean contentChanged = false;
        for (Map.Entry<String, PublicJsonWebKey> key : keys.entrySet()) {
            PublicKey publicKey = key.getValue().getPublicKey();
            if (!matchesKeyType(signer, publicKey)) {
                continue;
            }
            try {
                if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(publicKey))) {
                    checkMechanism(signer, request.mechanism());
                    return new VerifiedSignature(key.getKey(), SignatureFingerprint.ofCms(signer.getSignature(), publicKey));
                }
            } catch (CMSException e) {
                // a message-digest mismatch: the signature may be fine, the signed content is not tbs
                contentChanged |= e.getMessage() != null && e.getMessage().contains("digest");
            } catch (OperatorCreationException | RuntimeException e) {
                // not this key
            }
        }
        if (contentChanged) {
            throw new AnswerRejected(ErrorCode.TBS_MISMATCH, "The SignedData signs other data than the command's tbs");
        }
        throw new AnswerRejected(ErrorCode.SIGNATURE_INVALID, "The SignedData's signature does not verify with any key of the profile");
    }

    private static CMSSignedData parse(String base64, byte[] tbs) throws AnswerRejected {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(StrictBase64.standard(base64, "result.data"));
        } catch (CMSException | IllegalArgumentException e) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "result.data is not a base64 CMS SignedData");
        }
        if (signed.getSignedContent() == null) {
            try {
                return new CMSSignedData(new CMSProcessableByteArray(tbs), signed.getEncoded());
            } catch (CMSException | java.io.IOException e) {
                throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "result.data is not a base64 CMS SignedData");
            }
        }
        Object content = signed.getSignedContent().getContent();
        if (!(content instanceof byte[] bytes) || !Arrays.equals(bytes, tbs)) {
            throw new AnswerRejected(ErrorCode.TBS_MISMATCH, "The SignedData encapsulates other data than the command's tbs");
        }
        return signed;
    }

    /** The signer's digest, its signature algorithm, and for RSASSA-PSS the hash in its parameters. */
    private static void refuseSha1(SignerInformation signer) throws AnswerRejected {
        boolean sha1 = SHA1_ALGORITHMS.contains(signer.getDigestAlgOID())
                || SHA1_ALGORITHMS.contains(signer.getEncryptionAlgOID());
        if (!sha1 && PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(signer.getEncryptionAlgOID())) {
            try {
                // absent parameters mean the defaults, SHA-1 with MGF1-SHA-1
                RSASSAPSSparams params = RSASSAPSSparams.getInstance(signer.getEncryptionAlgParams() == null
                        ? null : ASN1Sequence.getInstance(signer.getEncryptionAlgParams()));
                sha1 = params == null || SHA1_ALGORITHMS.contains(params.getHashAlgorithm().getAlgorithm().getId());
            } catch (IllegalArgumentException e) {
                throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "The SignedData's RSASSA-PSS parameters cannot be read");
            }
        }
        if (sha1) {
            throw new AnswerRejected(ErrorCode.SHA1_NOT_ALLOWED, "The SignedData uses SHA-1 (digest " + signer.getDigestAlgOID()
                    + ", signature " + signer.getEncryptionAlgOID() + "), which is not accepted");
        }
    }

    private static boolean matchesKeyType(SignerInformation signer, PublicKey key) {
        String oid = signer.getEncryptionAlgOID();
        boolean ec = oid.startsWith("1.2.840.10045");
        return key instanceof ECPublicKey ? ec : key instanceof RSAPublicKey && !ec;
    }

    private static void checkMechanism(SignerInformation signer, String mechanism) throws AnswerRejected {
        if (mechanism == null) {
            return;
        }
        String digest = switch (mechanism.substring(2)) {
            case "256" -> NISTObjectIdentifiers.id_sha256.getId();
            case "384" -> NISTObjectIdentifiers.id_sha384.getId();
            default -> NISTObjectIdentifiers.id_sha512.getId();
        };
        boolean pss = PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(signer.getEncryptionAlgOID());
        if (!digest.equals(signer.getDigestAlgOID()) || pss != mechanism.startsWith("PS")) {
            throw new AnswerRejected(ErrorCode.WRONG_MECHANISM, "The SignedData is not made with " + mechanism);
        }
    }
}
