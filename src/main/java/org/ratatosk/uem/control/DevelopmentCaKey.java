package org.ratatosk.uem.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.ratatosk.ca.control.CertificateAuthority;
import org.ratatosk.ca.control.CertificateProfile;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Jsons;

/**
 * The development CA itself: an RSA 2048 key with a self-signed CA certificate, made in one
 * transaction, so that a key without its certificate is never left behind.
 */
@Stateless
public class DevelopmentCaKey {

    static final Duration VALIDITY = Duration.ofDays(3650);

    @PersistenceContext
    EntityManager em;

    @Inject
    Keys keys;

    @Inject
    CertificateAuthority authority;

    public boolean exists() {
        return em.find(ManagedKey.class, ManagedKey.idOf(DevelopmentCa.LABEL)) != null;
    }

    public void create() {
        keys.create(Jsons.createObjectBuilder().add("label", DevelopmentCa.LABEL).add("algorithm", "RSA").add("keySize", 2048)
                .add("attributes", Jsons.createObjectBuilder().add("sign", true).add("extractable", false)).build());
        authority.selfSign(keys.require(DevelopmentCa.LABEL),
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Hermod development UEM CA")
                        .addRDN(BCStyle.O, "Development only").build(),
                new CertificateProfile(VALIDITY, KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature,
                        List.of(), true, 0, null));
    }
}
