-- Callback deliveries: one per finished command of a client with a callback URL.
CREATE TABLE callback_delivery (
    command_id      VARCHAR(36)   NOT NULL,
    delivery_id     VARCHAR(36)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    last_error      VARCHAR(1024),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT        NOT NULL,
    CONSTRAINT callback_delivery_pk PRIMARY KEY (command_id)
);

-- One command per client, type and externalId: two simultaneous retries cannot both create one.
ALTER TABLE command ADD CONSTRAINT command_external_unique UNIQUE (client_id, command_type, external_id);
