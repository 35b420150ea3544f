-- What the browser console needs: operator sessions kept in the database (only hashes of their
-- tokens), the user a command is for (a filter of the operator's command list), and the UEM
-- connector's settings changed at run time. Plain SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE console_session (
    token_hash    VARCHAR(64)  NOT NULL,
    csrf_hash     VARCHAR(64)  NOT NULL,
    user_name     VARCHAR(256) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT console_session_pk PRIMARY KEY (token_hash)
);
CREATE INDEX console_session_last_seen ON console_session (last_seen_at);

-- Commands submitted before this migration have no user recorded.
ALTER TABLE command ADD COLUMN target_user VARCHAR(256);
CREATE INDEX command_target_user ON command (target_user, created_at);

CREATE TABLE uem_settings (
    id             VARCHAR(16)  NOT NULL,
    ca_key         VARCHAR(128),
    key_algorithm  VARCHAR(16)  NOT NULL,
    pool_size      INTEGER      NOT NULL,
    password_mode  VARCHAR(8)   NOT NULL,
    validity_days  INTEGER      NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT uem_settings_pk PRIMARY KEY (id)
);
