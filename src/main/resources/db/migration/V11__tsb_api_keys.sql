-- API keys of TSB clients (X-API-KEY), each with the roles it may act in. Only a hash of the
-- token is kept: tokens are 256 random bits, so an unsalted SHA-256 finds them without a scan.
-- Plain SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE tsb_api_key (
    name        VARCHAR(128) NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    roles       VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT tsb_api_key_pk PRIMARY KEY (name),
    CONSTRAINT tsb_api_key_token UNIQUE (token_hash)
);
