package org.ratatosk.enrollment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An API client's opt-in to automatic enrollment: the CA key that issues for its provisioned
 * profiles and the certificate template (validity, key usages, command lifespan and timeout).
 */
@Entity
@Table(name = "enrollment_policy")
public class EnrollmentPolicy {

    @Id
    @Column(name = "client_id", length = 128)
    private String clientId;

    @Column(name = "ca_key", nullable = false, length = 128)
    private String caKey;

    @Column(name = "template", nullable = false, columnDefinition = "TEXT")
    private String template;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EnrollmentPolicy() {
    }

    public EnrollmentPolicy(String clientId) {
        this.clientId = clientId;
    }

    public void replace(String caKey, String template, Instant now) {
        this.caKey = caKey;
        this.template = template;
        this.updatedAt = now;
    }

    public String clientId() {
        return clientId;
    }

    public String caKey() {
        return caKey;
    }

    public String template() {
        return template;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
