package org.ratatosk.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.ratatosk.approvals.entity.RequestedKey;

/**
 * A key pair in the token, as the database knows it: its attributes, its approval policy and the
 * certificates it is known by. The private key itself never leaves the token.
 */
@Entity
@Table(name = "managed_key")
public class ManagedKey implements RequestedKey {

    /** The label in lower case: labels are matched without regard to case, as the token aliases are. */
    @Id
    @Column(name = "label_id", length = 128)
    private String labelId;

    @Column(name = "label", nullable = false, length = 128)
    private String label;

    @Column(name = "algorithm", nullable = false, length = 8)
    private String algorithm;

    @Column(name = "key_size", nullable = false)
    private int keySize;

    @Column(name = "curve_oid", length = 64)
    private String curveOid;

    @Column(name = "token_kind", nullable = false, length = 16)
    private String tokenKind;

    @Column(name = "attr_sign", nullable = false)
    private boolean sign;

    @Column(name = "attr_decrypt", nullable = false)
    private boolean decrypt;

    @Column(name = "attr_unwrap", nullable = false)
    private boolean unwrap;

    @Column(name = "attr_derive", nullable = false)
    private boolean derive;

    @Column(name = "attr_bip32", nullable = false)
    private boolean bip32;

    @Column(name = "attr_extractable", nullable = false)
    private boolean extractable;

    @Column(name = "attr_modifiable", nullable = false)
    private boolean modifiable;

    @Column(name = "attr_destroyable", nullable = false)
    private boolean destroyable;

    /** The rules (ruleUse, ruleBlock, ruleUnblock, ruleModify) as JSON. */
    @Column(name = "policy", nullable = false, length = 1000000)
    private String policy;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    /** Base64 DER SubjectPublicKeyInfo. */
    @Column(name = "public_key", nullable = false, length = 4096)
    private String publicKey;

    /** PEM certificates, the key's own first, then its issuers. */
    @Column(name = "certificate_chain", length = 1000000)
    private String certificateChain;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ManagedKey() {
    }

    public ManagedKey(String label, String algorithm, int keySize, String curveOid, String tokenKind,
                      KeyAttributes attributes, String policy, boolean blocked, String publicKey, Instant now) {
        this.labelId = idOf(label);
        this.label = label;
        this.algorithm = algorithm;
        this.keySize = keySize;
        this.curveOid = curveOid;
        this.tokenKind = tokenKind;
        setAttributes(attributes);
        this.policy = policy;
        this.blocked = blocked;
        this.publicKey = publicKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String idOf(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    private void setAttributes(KeyAttributes attributes) {
        this.sign = attributes.sign();
        this.decrypt = attributes.decrypt();
        this.unwrap = attributes.unwrap();
        this.derive = attributes.derive();
        this.bip32 = attributes.bip32();
        this.extractable = attributes.extractable();
        this.modifiable = attributes.modifiable();
        this.destroyable = attributes.destroyable();
    }

    /** Applies attributes already checked to be no looser than the current ones. */
    public void restrict(KeyAttributes stricter, Instant now) {
        setAttributes(stricter);
        this.updatedAt = now;
    }

    public void replacePolicy(String policy, Instant now) {
        this.policy = policy;
        this.updatedAt = now;
    }

    public void block(Instant now) {
        this.blocked = true;
        this.updatedAt = now;
    }

    public void unblock(Instant now) {
        this.blocked = false;
        this.updatedAt = now;
    }

    public void replaceCertificateChain(String pemChain, Instant now) {
        this.certificateChain = pemChain;
        this.updatedAt = now;
    }

    public KeyAttributes attributes() {
        return new KeyAttributes(decrypt, sign, unwrap, derive, bip32, extractable, modifiable, destroyable);
    }

    public String labelId() {
        return labelId;
    }

    public String label() {
        return label;
    }

    public String algorithm() {
        return algorithm;
    }

    public int keySize() {
        return keySize;
    }

    public String curveOid() {
        return curveOid;
    }

    public String tokenKind() {
        return tokenKind;
    }

    public String policy() {
        return policy;
    }

    public boolean blocked() {
        return blocked;
    }

    public String publicKey() {
        return publicKey;
    }

    public String certificateChain() {
        return certificateChain;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
