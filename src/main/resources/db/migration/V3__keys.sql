-- Keys in the token, approval requests and approver replay clocks. Key material stays in the token.
CREATE TABLE managed_key (
    label_id          VARCHAR(128)     NOT NULL PRIMARY KEY,
    label             VARCHAR(128)     NOT NULL,
    algorithm         VARCHAR(8)       NOT NULL,
    key_size          INTEGER          NOT NULL,
    curve_oid         VARCHAR(64),
    token_kind        VARCHAR(16)      NOT NULL,
    attr_sign         BOOLEAN          NOT NULL,
    attr_decrypt      BOOLEAN          NOT NULL,
    attr_unwrap       BOOLEAN          NOT NULL,
    attr_derive       BOOLEAN          NOT NULL,
    attr_bip32        BOOLEAN          NOT NULL,
    attr_extractable  BOOLEAN          NOT NULL,
    attr_modifiable   BOOLEAN          NOT NULL,
    attr_destroyable  BOOLEAN          NOT NULL,
    policy            VARCHAR(1000000) NOT NULL,
    blocked           BOOLEAN          NOT NULL,
    public_key        VARCHAR(4096)    NOT NULL,
    certificate_chain VARCHAR(1000000),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE key_request (
    id             VARCHAR(36)      NOT NULL PRIMARY KEY,
    key_label_id   VARCHAR(128)     NOT NULL,
    operation      VARCHAR(24)      NOT NULL,
    payload        VARCHAR(1000000) NOT NULL,
    rule           VARCHAR(1000000) NOT NULL,
    status         VARCHAR(16)      NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decisions      VARCHAR(1000000) NOT NULL,
    execution_time TIMESTAMP(6) WITH TIME ZONE,
    result         VARCHAR(1000000),
    failure        VARCHAR(1024)
);

CREATE INDEX key_request_status ON key_request (status, created_at);
CREATE INDEX key_request_key ON key_request (key_label_id, status);

CREATE TABLE approver_clock (
    approver_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    last_timestamp TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
