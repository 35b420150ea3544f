package org.ratatosk.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the audit chain; its single row is locked by each append, which serialises them. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    public void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("Audit chain would skip from " + lastSeq + " to " + seq);
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }
}
