package org.ratatosk.ca.control;

import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.ratatosk.keys.control.Pem;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Refused;
import org.ratatosk.tokens.control.CryptoToken;
import org.ratatosk.tokens.control.TokenSigner;

/** PKCS#10 requests: made by a key in the token, or received to be signed by the CA. */
public final class CaCertificationRequests {

    public static final String PEM_TYPE = "NEW CERTIFICATE REQUEST";

    private CaCertificationRequests() {
    }

    /** A request signed by the token key, asking for the profile's key usages as extensions. */
    public static PKCS10CertificationRequest create(CryptoToken token, String label, PublicKey publicKey, X500Name subject,
                                                    CertificateProfile profile, String signatureAlgorithm) {
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            if (!profile.extendedKeyUsages().isEmpty()) {
                extensions.addExtension(Extension.extendedKeyUsage, true,
                        new ExtendedKeyUsage(profile.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            if (profile.keyUsageBits() != 0) {
                extensions.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsageBits()));
            }
            extensions.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(CertificateBuilder.keyIdentifier(publicKey)));
            return new JcaPKCS10CertificationRequestBuilder(subject, publicKey)
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new TokenSigner(token, label, signatureAlgorithm));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot build the certification request", e);
        }
    }

    public static String pem(PKCS10CertificationRequest request) {
        try {
            return Pem.encode(PEM_TYPE, request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a received request (PEM or base64 DER) and checks its signature: proof the sender has the key. */
    public static JcaPKCS10CertificationRequest parseVerified(String text) {
        JcaPKCS10CertificationRequest request;
        try {
            request = new JcaPKCS10CertificationRequest(Pem.decode(text, "csr").get(0));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput(ErrorCode.INVALID_CSR, "'csr' is not a PKCS#10 certification request");
        }
        try {
            PublicKey key = request.getPublicKey();
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new Refused(ErrorCode.INVALID_CSR_SIGNATURE, "The CSR's signature does not verify with its public key");
            }
        } catch (OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            throw new Refused(ErrorCode.INVALID_CSR_SIGNATURE, "The CSR's signature cannot be checked");
        }
        return request;
    }

    /** The extensions the request asks for, or null. */
    public static Extensions requestedExtensions(PKCS10CertificationRequest request) {
        return request.getRequestedExtensions();
    }

    public static GeneralNames alternativeNames(PKCS10CertificationRequest request) {
        Extensions extensions = request.getRequestedExtensions();
        return extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
    }
}
