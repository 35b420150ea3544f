package org.ratatosk.uem.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * PKCS#12 files as OpenSSL 3 writes them by default: key and certificate bags under
 * PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC, integrity by HMAC-SHA256, 2048 iterations each. Both
 * bags are encrypted under one key derivation (the same salt) with an IV each.
 */
public final class Pkcs12Files {

    public static final int ITERATIONS = 2048;

    private Pkcs12Files() {
    }

    /**
     * The key with its chain, leaf first; the leaf and the key share a local key id. The password's
     * keys are derived already: building the file costs no key derivation.
     */
    public static byte[] build(PrivateKey key, List<X509Certificate> chain, String friendlyName, Pkcs12Password password) {
        try {
            X509Certificate leaf = chain.get(0);
            var localKeyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(leaf.getPublicKey());
            PKCS12SafeBag[] certificates = new PKCS12SafeBag[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                }
                certificates[i] = bag.build();
            }
            Pbes2Encryptor.PasswordKey passwordKey = password.encryptionKey();
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, passwordKey.encryptor());
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(passwordKey.encryptor(), certificates);
            pfx.addData(keyBag.build());
            return pfx.build(password.mac(), password.password().toCharArray())
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | PKCSException e) {
            throw new IllegalStateException("Cannot build the PKCS#12", e);
        }
    }
}
