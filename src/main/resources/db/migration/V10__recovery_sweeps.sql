-- The database, not the broker, is the record of what is due: a restarted server sweeps overdue
-- command timeouts and callback attempts from these columns, in due order.
ALTER TABLE callback_delivery ADD COLUMN next_attempt_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE callback_delivery SET next_attempt_at = COALESCE(last_attempt_at, created_at) WHERE state = 'PENDING';
CREATE INDEX callback_delivery_due ON callback_delivery (state, next_attempt_at);

CREATE INDEX command_due ON command (state, timeout_at);
