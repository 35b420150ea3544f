package org.ratatosk.provisioning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A public key a device generated for a profile and proved to hold. */
@Entity
@Table(name = "profile_key")
public class ProfileKey {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id", nullable = false)
    private Profile profile;

    @Column(name = "key_id", nullable = false, length = 128)
    private String keyId;

    @Column(name = "key_usage", length = 32)
    private String usage;

    @Column(name = "key_state", length = 32)
    private String keyState;

    @Column(name = "jwk", nullable = false, updatable = false, columnDefinition = "TEXT")
    private String jwk;

    @Column(name = "thumbprint", nullable = false, length = 64)
    private String thumbprint;

    @Column(name = "certreq", updatable = false, columnDefinition = "TEXT")
    private String certReq;

    protected ProfileKey() {
    }

    public ProfileKey(String id, Profile profile, String keyId, String usage, String keyState, String jwk,
                      String thumbprint, String certReq) {
        this.id = id;
        this.profile = profile;
        this.keyId = keyId;
        this.usage = usage;
        this.keyState = keyState;
        this.jwk = jwk;
        this.thumbprint = thumbprint;
        this.certReq = certReq;
    }

    public String keyId() {
        return keyId;
    }

    public String usage() {
        return usage;
    }

    public String keyState() {
        return keyState;
    }

    public String jwk() {
        return jwk;
    }

    public String thumbprint() {
        return thumbprint;
    }

    public String certReq() {
        return certReq;
    }
}
