package org.ratatosk.provisioning.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A provisioned credential profile on one device, with the public keys it proved to hold. */
@Entity
@Table(name = "profile", indexes = @Index(name = "profile_user", columnList = "client_id, user_id, state"))
public class Profile {

    public enum State { ACTIVE, DELETED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(name = "user_id", nullable = false, length = 256)
    private String userId;

    @Column(name = "name", length = 256)
    private String name;

    @Column(name = "server_name", length = 256)
    private String serverName;

    @Column(name = "mailbox_id", nullable = false, length = 36)
    private String mailboxId;

    @Column(name = "device_info", columnDefinition = "TEXT")
    private String deviceInfo;

    @Column(name = "profile_info", columnDefinition = "TEXT")
    private String profileInfo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "profile", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ProfileKey> keys = new ArrayList<>();

    protected Profile() {
    }

    public Profile(String id, String clientId, String userId, String name, String serverName, String mailboxId,
                   String deviceInfo, Instant createdAt) {
        this.id = id;
        this.clientId = clientId;
        this.userId = userId;
        this.name = name;
        this.serverName = serverName;
        this.mailboxId = mailboxId;
        this.deviceInfo = deviceInfo;
        this.createdAt = createdAt;
        this.state = State.ACTIVE;
    }

    public void addKey(ProfileKey key) {
        keys.add(key);
    }

    public Optional<ProfileKey> key(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    public void markDeleted() {
        state = State.DELETED;
    }

    public void recordPing(String deviceInfo, String profileInfo) {
        if (deviceInfo != null) {
            this.deviceInfo = deviceInfo;
        }
        if (profileInfo != null) {
            this.profileInfo = profileInfo;
        }
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String mailboxId() {
        return mailboxId;
    }

    public String deviceInfo() {
        return deviceInfo;
    }

    public String profileInfo() {
        return profileInfo;
    }

    public State state() {
        return state;
    }

    public List<ProfileKey> keys() {
        return Collections.unmodifiableList(keys);
    }
}
