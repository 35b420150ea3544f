-- Callback credentials are stored sealed (AES-256-GCM under a key derived from the server secret).
-- The server seals the plain values of callback_basic_auth into this column once at start-up and
-- clears them; the plain column stays, empty, for that upgrade.
ALTER TABLE api_client ADD COLUMN callback_auth_sealed VARCHAR(2048);
