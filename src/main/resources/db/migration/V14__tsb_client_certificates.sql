-- TLS client certificates that TSB clients authenticate with, each with the roles it may act in,
-- found by the SHA-256 of the certificate the TLS layer verified. Plain SQL for H2 2.x and PostgreSQL 15.

CREATE TABLE tsb_client_certificate (
    name        VARCHAR(128)  NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    subject     VARCHAR(1024) NOT NULL,
    roles       VARCHAR(256)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT tsb_client_certificate_pk PRIMARY KEY (name),
    CONSTRAINT tsb_client_certificate_sha256 UNIQUE (sha256)
);
