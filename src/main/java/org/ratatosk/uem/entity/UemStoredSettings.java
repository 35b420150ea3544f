package org.ratatosk.uem.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The UEM connector's settings as an operator last stored them; one row, which once written takes
 * the place of the system properties that were the starting values. Every node reads it.
 */
@Entity
@Table(name = "uem_settings")
public class UemStoredSettings {

    public static final String ID = "current";

    @Id
    @Column(name = "id", length = 16)
    private String id;

    @Column(name = "ca_key", length = 128)
    private String caKey;

    @Column(name = "key_algorithm", nullable = false, length = 16)
    private String keyAlgorithm;

    @Column(name = "pool_size", nullable = false)
    private int poolSize;

    @Column(name = "password_mode", nullable = false, length = 8)
    private String passwordMode;

    @Column(name = "validity_days", nullable = false)
    private int validityDays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UemStoredSettings() {
    }

    public UemStoredSettings(Instant now) {
        this.id = ID;
        this.updatedAt = now;
    }

    public void change(String caKey, String keyAlgorithm, int poolSize, String passwordMode, int validityDays, Instant now) {
        this.caKey = caKey;
        this.keyAlgorithm = keyAlgorithm;
        this.poolSize = poolSize;
        this.passwordMode = passwordMode;
        this.validityDays = validityDays;
        this.updatedAt = now;
    }

    public String caKey() {
        return caKey;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int poolSize() {
        return poolSize;
    }

    public String passwordMode() {
        return passwordMode;
    }

    public int validityDays() {
        return validityDays;
    }
}
