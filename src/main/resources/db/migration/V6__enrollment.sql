-- Automatic enrollment: a client's opt-in, and one row per completed provisioning it covers.
CREATE TABLE enrollment_policy (
    client_id  VARCHAR(128) NOT NULL,
    ca_key     VARCHAR(128) NOT NULL,
    template   TEXT         NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT enrollment_policy_pk PRIMARY KEY (client_id)
);

CREATE TABLE enrollment (
    command_id             VARCHAR(36)  NOT NULL,
    client_id              VARCHAR(128) NOT NULL,
    state                  VARCHAR(16)  NOT NULL,
    certificate_command_id VARCHAR(36),
    error_code             VARCHAR(64),
    error_message          VARCHAR(1024),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at            TIMESTAMP WITH TIME ZONE,
    version                BIGINT       NOT NULL,
    CONSTRAINT enrollment_pk PRIMARY KEY (command_id)
);
