-- The event outbox: one row per change the calling platforms must learn of, written in the
-- transaction of the change. id is the public event id and the delivery order: the one writer
-- assigns MAX(id) + 1, so ids rise in commit order and a reader never sees a later id without
-- the earlier ones. body is the payload without its id (the id is added when it is read).
CREATE TABLE events (
    id        BIGINT       NOT NULL PRIMARY KEY,
    type      VARCHAR(64)  NOT NULL,
    user_id   VARCHAR(36),
    created   BIGINT       NOT NULL,
    body      TEXT         NOT NULL
);
CREATE INDEX events_user ON events (user_id, id);

-- Webhook endpoints and their delivery state. secret is kept as given: it keys the HMAC of every
-- delivery, so a hash of it would be of no use. delivered_through is the cursor: every event up
-- to it has been delivered (or skipped by the endpoint's filter).
CREATE TABLE webhooks (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    url                VARCHAR(2048) NOT NULL,
    secret             VARCHAR(512)  NOT NULL,
    active             BOOLEAN       NOT NULL,
    state              VARCHAR(16)   NOT NULL,
    last_error         TEXT,
    delivered_through  BIGINT        NOT NULL,
    failing_since      BIGINT,
    attempts           INTEGER       NOT NULL,
    next_attempt       BIGINT        NOT NULL,
    created            BIGINT        NOT NULL,
    last_modified      BIGINT        NOT NULL,
    version            BIGINT        NOT NULL,
    body               TEXT          NOT NULL
);
