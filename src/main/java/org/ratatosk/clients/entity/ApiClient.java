package org.ratatosk.clients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An application server allowed to send commands. Its key is kept only as a salted hash. */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @Column(name = "client_id", length = 128)
    private String clientId;

    @Column(name = "key_salt", nullable = false, length = 64)
    private String keySalt;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "callback_url", length = 2048)
    private String callbackUrl;

    /**
     * The callback's {@code user:password}, sealed (AES-GCM, see CallbackCredentials). The column
     * callback_basic_auth held it in the clear before; the server seals what it finds there once.
     */
    @Column(name = "callback_auth_sealed", length = 2048)
    private String sealedCallbackAuth;

    /** JSON array of trusted attestation public keys (JWK objects). */
    @Column(name = "attestation_keys", columnDefinition = "TEXT")
    private String attestationKeys;

    /** Space-separated RFC 7638 thumbprints of the attestation keys, for quick trust checks. */
    @Column(name = "attestation_thumbprints", columnDefinition = "TEXT")
    private String attestationThumbprints;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ApiClient() {
    }

    public ApiClient(String clientId) {
        this.clientId = clientId;
    }

    public void replace(String keySalt, String keyHash, String callbackUrl, String sealedCallbackAuth,
                        String attestationKeys, String attestationThumbprints, Instant now) {
        this.keySalt = keySalt;
        this.keyHash = keyHash;
        this.callbackUrl = callbackUrl;
        this.sealedCallbackAuth = sealedCallbackAuth;
        this.attestationKeys = attestationKeys;
        this.attestationThumbprints = attestationThumbprints;
        this.updatedAt = now;
    }

    public boolean trustsAttestationKey(String thumbprint) {
        if (attestationThumbprints == null || thumbprint == null) {
            return false;
        }
        for (String trusted : attestationThumbprints.split(" ")) {
            if (trusted.equals(thumbprint)) {
                return true;
            }
        }
        return false;
    }

    public String clientId() {
        return clientId;
    }

    public String keySalt() {
        return keySalt;
    }

    public String keyHash() {
        return keyHash;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public String sealedCallbackAuth() {
        return sealedCallbackAuth;
    }

    public boolean hasCallbackAuth() {
        return sealedCallbackAuth != null;
    }

    public String attestationKeys() {
        return attestationKeys;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
