-- BlackBerry UEM connector: one-time passwords per user and the short-lived sealed answers
-- that let UEM's retries of a reqId get the same PKCS#12. Plain SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE uem_otp (
    user_id         VARCHAR(256) NOT NULL,
    otp_salt        VARCHAR(32)  NOT NULL,
    otp_hash        VARCHAR(64)  NOT NULL,
    issued_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP(6) WITH TIME ZONE,
    failed_attempts INTEGER      NOT NULL,
    CONSTRAINT uem_otp_pk PRIMARY KEY (user_id)
);

CREATE TABLE uem_issuance (
    id                 VARCHAR(36)  NOT NULL,
    user_id            VARCHAR(256) NOT NULL,
    req_id             VARCHAR(256) NOT NULL,
    seal_salt          VARCHAR(32)  NOT NULL,
    sealed_answer      TEXT         NOT NULL,
    certificate_serial VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uem_issuance_pk PRIMARY KEY (id),
    CONSTRAINT uem_issuance_user_req UNIQUE (user_id, req_id)
);
CREATE INDEX uem_issuance_expires ON uem_issuance (expires_at);
