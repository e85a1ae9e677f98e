-- Welcome emails. welcomed_users remembers who was welcomed to which product (contactCenter,
-- phone), so a user's first license sends exactly one welcome, whatever happens after. Users who
-- already hold a license when this migration runs count as welcomed: an upgrade mails nobody.
-- mail_outbox is a transactional outbox: a welcome is inserted in the transaction of the change
-- that first gives the license (a change that rolls back queues nothing) and a worker delivers
-- it later. facts_json holds the template values as they were at that change. No foreign key to
-- users: the row outlives a deleted user, to show admins why it was not sent.

CREATE TABLE welcomed_users (
    user_id      VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product      VARCHAR(32)  NOT NULL,
    welcomed_at  BIGINT       NOT NULL,
    PRIMARY KEY (user_id, product)
);
INSERT INTO welcomed_users (user_id, product, welcomed_at)
    SELECT id, 'contactCenter', last_modified FROM users WHERE cc_state = 'assigned';
INSERT INTO welcomed_users (user_id, product, welcomed_at)
    SELECT id, 'phone', last_modified FROM users WHERE phone_state = 'assigned';

CREATE TABLE mail_outbox (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id          VARCHAR(36)  NOT NULL,
    user_name        VARCHAR(512) NOT NULL,
    product          VARCHAR(32)  NOT NULL,
    recipient        VARCHAR(512),
    facts_json       TEXT         NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  BIGINT       NOT NULL,
    last_error       TEXT,
    created_at       BIGINT       NOT NULL,
    finished_at      BIGINT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at, id);
CREATE INDEX mail_outbox_user ON mail_outbox (user_id);
