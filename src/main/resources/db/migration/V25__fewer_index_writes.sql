-- Every index is a B-tree that each insert, and each change of its columns, writes again at commit.
-- Plain SQL for H2 2.x and PostgreSQL 15.

-- The unique key of a command, led by client and externalId, also serves the look-up by those two.
ALTER TABLE command DROP CONSTRAINT command_external_unique;
ALTER TABLE command ADD CONSTRAINT command_external_unique UNIQUE (client_id, external_id, command_type);
DROP INDEX command_client_external;

-- Pending audit records are linked in the order of their time-ordered ids, through the primary key.
DROP INDEX audit_event_recorded;

-- H2 gave the foreign key an index of its own beside profile_key_profile; made again, the
-- constraint uses that one. PostgreSQL indexes no foreign key by itself and keeps profile_key_profile.
ALTER TABLE profile_key DROP CONSTRAINT profile_key_profile_fk;
ALTER TABLE profile_key ADD CONSTRAINT profile_key_profile_fk FOREIGN KEY (profile_id) REFERENCES profile (id);

-- A callback attempt is known by its delivery's command and its number: that pair, unique before,
-- becomes the primary key in place of an id nothing read.
ALTER TABLE callback_attempt DROP CONSTRAINT callback_attempt_delivery_fk;
ALTER TABLE callback_attempt DROP CONSTRAINT callback_attempt_number_unique;
ALTER TABLE callback_attempt DROP CONSTRAINT callback_attempt_pk;
ALTER TABLE callback_attempt DROP COLUMN id;
ALTER TABLE callback_attempt ADD CONSTRAINT callback_attempt_pk PRIMARY KEY (command_id, attempt_number);
ALTER TABLE callback_attempt ADD CONSTRAINT callback_attempt_delivery_fk
    FOREIGN KEY (command_id) REFERENCES callback_delivery (command_id);
