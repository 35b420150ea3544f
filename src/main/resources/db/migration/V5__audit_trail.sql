-- Append-only audit trail. Each entry's hash covers the previous entry's hash and its own content;
-- the one row of audit_head holds the end of the chain and is locked by every append.

CREATE TABLE audit_entry (
    seq           BIGINT       NOT NULL,
    recorded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor         VARCHAR(256) NOT NULL,
    subject_type  VARCHAR(64)  NOT NULL,
    subject_id    VARCHAR(256) NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    detail        TEXT,
    previous_hash VARCHAR(64)  NOT NULL,
    entry_hash    VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_entry_pk PRIMARY KEY (seq)
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id);

CREATE TABLE audit_head (
    id        INTEGER     NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id)
);
INSERT INTO audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
