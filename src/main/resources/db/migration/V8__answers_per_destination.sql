-- Each destination of a command ends on its own: a declining or invalid answer fails its message
-- only, with its reason, while the command waits for the other destinations.
ALTER TABLE mailbox_message ADD COLUMN error_code VARCHAR(64);
ALTER TABLE mailbox_message ADD COLUMN error_message VARCHAR(1024);

-- Fingerprints of the signatures that completed sign and authenticate commands: the same
-- signature sent again, for any command, is a replay. The primary key makes it so across nodes.
CREATE TABLE accepted_signature (
    fingerprint VARCHAR(64)  NOT NULL,
    command_id  VARCHAR(36)  NOT NULL,
    accepted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT accepted_signature_pk PRIMARY KEY (fingerprint)
);
