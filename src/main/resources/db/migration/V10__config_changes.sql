-- Changes to the configuration (templates, seat pools, sites, calling packages, numbers, API
-- tokens, OAuth clients), each written in the transaction of its change. Never secrets.
-- seq orders them (newest first) where several share a millisecond; one writer assigns it.

CREATE TABLE config_changes (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    seq            BIGINT       NOT NULL,
    changed_at     BIGINT       NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    resource_type  VARCHAR(32)  NOT NULL,
    resource_id    VARCHAR(200) NOT NULL,
    resource_name  VARCHAR(512),
    before_json    TEXT,
    after_json     TEXT
);
CREATE UNIQUE INDEX config_changes_seq ON config_changes (seq);
CREATE INDEX config_changes_type ON config_changes (resource_type, seq);
CREATE INDEX config_changes_changed_at ON config_changes (changed_at);
