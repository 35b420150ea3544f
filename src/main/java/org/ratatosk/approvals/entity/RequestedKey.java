package org.ratatosk.approvals.entity;

/**
 * What a key request records of its key: the id it refers to the key by, and the label the audit
 * trail and the log show. Keys implement it, so approvals need not know how keys are stored.
 */
public interface RequestedKey {

    String labelId();

    String label();
}
