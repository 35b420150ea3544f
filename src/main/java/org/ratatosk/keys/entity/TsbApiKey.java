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
 * A TSB client's API key: the roles it may act in and a hash of its token. The token itself is
 * shown once, when the operator creates the key.
 */
@Entity
@Table(name = "tsb_api_key")
public class TsbApiKey {

    @Id
    @Column(name = "name", length = 128)
    private String name;

    /** Hex SHA-256 of the token. */
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    /** Role names separated by commas. */
    @Column(name = "roles", nullable = false, length = 256)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TsbApiKey() {
    }

    public TsbApiKey(String name, String tokenHash, Set<Role> roles, Instant createdAt) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.roles = format(roles);
        this.createdAt = createdAt;
    }

    private static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    public String name() {
        return name;
    }

    public String tokenHash() {
        return tokenHash;
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
