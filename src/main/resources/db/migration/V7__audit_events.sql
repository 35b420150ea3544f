-- State changes recorded in their own transaction, linked into audit_entry's chain afterwards.
CREATE TABLE audit_event (
    id           VARCHAR(36)  NOT NULL,
    recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor        VARCHAR(256) NOT NULL,
    subject_type VARCHAR(64)  NOT NULL,
    subject_id   VARCHAR(256) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    detail       TEXT,
    CONSTRAINT audit_event_pk PRIMARY KEY (id)
);
CREATE INDEX audit_event_recorded ON audit_event (recorded_at);
