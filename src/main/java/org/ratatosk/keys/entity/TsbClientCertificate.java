package org.ratatosk.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.ratatosk.platform.Role;

/**
 * A TLS client certificate a TSB client authenticates with, and the roles it may act in. Only its
 * fingerprint and subject are kept: the client proves the key in the TLS handshake.
 */
@Entity
@Table(name = "tsb_client_certificate")
public class TsbClientCertificate {

    @Id
    @Column(name = "name", length = 128)
    private String name;

    /** Hex SHA-256 of the DER certificate. */
    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "subject", nullable = false, length = 1024)
    private String subject;

    /** Role names separated by commas. */
    @Column(name = "roles", nullable = false, length = 256)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TsbClientCertificate() {
    }

    public TsbClientCertificate(String name, String sha256, String subject, Set<Role> roles, Instant createdAt) {
        this.name = name;
        this.sha256 = sha256;
        this.subject = subject;
        this.roles = roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    public String subject() {
        return subject;
    }

    public Set<Role> roles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(r -> !r.isEmpty()).map(Role::valueOf).forEach(set::add);
        return set;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
