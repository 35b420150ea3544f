package org.ratatosk.uem.control;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.ratatosk.ca.control.CertificateAuthority;

/**
 * Has the configured CA (its key in the HSM) certify a user's new key. Runs outside the caller's
 * transaction, so a refusal by the CA cannot roll back the caller's bookkeeping of the attempt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserCertificates {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    CertificateAuthority authority;

    @Inject
    UemSettings settings;

    /** The chain, leaf first; any failure of the CA or the HSM becomes {@link IssuanceFailed}. */
    public List<X509Certificate> issue(String user, PublicKey key, KeyAlgorithm algorithm) {
        String caKey = settings.caKey();
        if (caKey == null) {
            throw new IssuanceFailed("No CA key is configured for the UEM connector (hermod.uem.ca-key)", null);
        }
        try {
            return authority.issue(caKey, key, subject(user), subjectAltNames(user), settings.validity(),
                    algorithm.keyUsageBits(), List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection), false);
        } catch (RuntimeException e) {
            throw new IssuanceFailed("CA key " + caKey + " did not issue: " + e, e);
        }
    }

    /** Built RDN by RDN, so commas or equals signs in a user id cannot add attributes. */
    static X500Name subject(String user) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user).build();
    }

    static GeneralNames subjectAltNames(String user) {
        return EMAIL.matcher(user).matches() ? new GeneralNames(new GeneralName(GeneralName.rfc822Name, user)) : null;
    }

    /** Not a rollback of the caller: its failed attempt counts stay recorded. */
    @ApplicationException(rollback = false)
    public static class IssuanceFailed extends RuntimeException {
        public IssuanceFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
