-- The tables of the messaging core: API clients, commands, mailboxes and their messages,
-- provisioned profiles and their keys. Plain SQL that H2 2.x and PostgreSQL 15 both accept.
-- Long text is TEXT (a CLOB on H2) and mapped without @Lob: Hibernate would treat an @Lob string
-- on PostgreSQL as a large-object id.

CREATE TABLE api_client (
    client_id               VARCHAR(128) NOT NULL,
    key_salt                VARCHAR(64)  NOT NULL,
    key_hash                VARCHAR(64)  NOT NULL,
    callback_url            VARCHAR(2048),
    callback_basic_auth     VARCHAR(512),
    attestation_keys        TEXT,
    attestation_thumbprints TEXT,
    updated_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT api_client_pk PRIMARY KEY (client_id)
);

CREATE TABLE command (
    id               VARCHAR(36)  NOT NULL,
    client_id        VARCHAR(128) NOT NULL,
    command_type     VARCHAR(16)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    external_id      VARCHAR(128),
    request_hash     VARCHAR(64)  NOT NULL,
    body             TEXT         NOT NULL,
    lifespan_seconds BIGINT       NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    timeout_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP(6) WITH TIME ZONE,
    new_profile_id   VARCHAR(36),
    new_mailbox_id   VARCHAR(36),
    answered_mid     VARCHAR(36),
    response         TEXT,
    error_code       VARCHAR(64),
    error_message    VARCHAR(1024),
    version          BIGINT       NOT NULL,
    CONSTRAINT command_pk PRIMARY KEY (id)
);
CREATE INDEX command_client_external ON command (client_id, external_id);
CREATE INDEX command_created ON command (created_at);

CREATE TABLE mailbox (
    bid        VARCHAR(36)  NOT NULL,
    client_id  VARCHAR(128) NOT NULL,
    temporary  BOOLEAN      NOT NULL,
    profile_id VARCHAR(36),
    token_salt VARCHAR(32)  NOT NULL,
    token_hash VARCHAR(64)  NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT mailbox_pk PRIMARY KEY (bid)
);

CREATE TABLE mailbox_message (
    mid          VARCHAR(36)  NOT NULL,
    bid          VARCHAR(36)  NOT NULL,
    command_id   VARCHAR(36)  NOT NULL,
    position     INTEGER      NOT NULL,
    addressed_to VARCHAR(160) NOT NULL,
    profile_id   VARCHAR(36),
    command_type VARCHAR(16)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT mailbox_message_pk PRIMARY KEY (mid)
);
CREATE INDEX message_box ON mailbox_message (bid, state);
CREATE INDEX message_command ON mailbox_message (command_id);

CREATE TABLE profile (
    id           VARCHAR(36)  NOT NULL,
    client_id    VARCHAR(128) NOT NULL,
    user_id      VARCHAR(256) NOT NULL,
    name         VARCHAR(256),
    server_name  VARCHAR(256),
    mailbox_id   VARCHAR(36)  NOT NULL,
    device_info  TEXT,
    profile_info TEXT,
    state        VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT profile_pk PRIMARY KEY (id)
);
CREATE INDEX profile_user ON profile (client_id, user_id, state);

CREATE TABLE profile_key (
    id         VARCHAR(36)  NOT NULL,
    profile_id VARCHAR(36)  NOT NULL,
    key_id     VARCHAR(128) NOT NULL,
    key_usage  VARCHAR(32),
    key_state  VARCHAR(32),
    jwk        TEXT         NOT NULL,
    thumbprint VARCHAR(64)  NOT NULL,
    certreq    TEXT,
    CONSTRAINT profile_key_pk PRIMARY KEY (id),
    CONSTRAINT profile_key_profile_fk FOREIGN KEY (profile_id) REFERENCES profile (id)
);
CREATE INDEX profile_key_profile ON profile_key (profile_id);
