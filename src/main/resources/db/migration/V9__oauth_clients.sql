-- OAuth 2.0 client credentials (RFC 6749 §4.4), beside the static API tokens.
-- Secrets are kept only as SHA-256 hashes; a client has at most two at a time (rotation).

CREATE TABLE oauth_clients (
    id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    scope    VARCHAR(16)  NOT NULL,
    created  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX oauth_clients_name ON oauth_clients (name);

CREATE TABLE oauth_client_secrets (
    id           VARCHAR(36) NOT NULL PRIMARY KEY,
    client_id    VARCHAR(36) NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    secret_hash  VARCHAR(64) NOT NULL,
    created      BIGINT      NOT NULL
);
CREATE INDEX oauth_client_secrets_client ON oauth_client_secrets (client_id);

-- Keys the server signs with, by purpose (base64). Made once, at the first start, so every
-- process on this database signs and verifies with the same key.
CREATE TABLE signing_keys (
    purpose    VARCHAR(64)  NOT NULL PRIMARY KEY,
    key_value  VARCHAR(128) NOT NULL,
    created    BIGINT       NOT NULL
);
