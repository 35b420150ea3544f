-- Every callback attempt with its outcome, written in the transaction that records that outcome on
-- the delivery: an attempt rolled back leaves no row, and a row never lacks its outcome.
-- Plain SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE callback_attempt (
    id             VARCHAR(36)   NOT NULL,
    command_id     VARCHAR(36)   NOT NULL,
    attempt_number INTEGER       NOT NULL,
    started_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    http_status    INTEGER,
    error          VARCHAR(1024),
    node           VARCHAR(256)  NOT NULL,
    CONSTRAINT callback_attempt_pk PRIMARY KEY (id),
    CONSTRAINT callback_attempt_number_unique UNIQUE (command_id, attempt_number),
    CONSTRAINT callback_attempt_delivery_fk FOREIGN KEY (command_id) REFERENCES callback_delivery (command_id)
);
