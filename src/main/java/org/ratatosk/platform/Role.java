package org.ratatosk.platform;

/** The roles of TSB API keys, as Securosys' Transaction Security Broker names them. */
public enum Role {
    KEY_MANAGEMENT,
    KEY_OPERATION,
    APPROVER,
    SERVICE,
    APPROVER_KEY_MANAGEMENT
}
