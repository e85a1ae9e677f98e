-- Users and groups keep their full SCIM body as JSON text; the columns beside it
-- exist for uniqueness, lookups by index, sorting and stable paging.
-- Case-insensitive keys are lowercased by the application (never by SQL lower(),
-- which only folds ASCII on SQLite), so the same SQL runs on PostgreSQL.

CREATE TABLE users (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_name        VARCHAR(512) NOT NULL,
    user_name_key    VARCHAR(512) NOT NULL,
    external_id      VARCHAR(512),
    display_name     VARCHAR(512),
    active           BOOLEAN      NOT NULL,
    created          BIGINT       NOT NULL,
    last_modified    BIGINT       NOT NULL,
    version          BIGINT       NOT NULL,
    body             TEXT         NOT NULL
);
CREATE UNIQUE INDEX users_user_name_key ON users (user_name_key);
CREATE INDEX users_external_id ON users (external_id);
CREATE INDEX users_created ON users (created, id);

CREATE TABLE user_emails (
    user_id    VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    value_key  VARCHAR(512) NOT NULL,
    PRIMARY KEY (user_id, value_key)
);
CREATE INDEX user_emails_value_key ON user_emails (value_key);

CREATE TABLE groups (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    display_name      VARCHAR(512) NOT NULL,
    display_name_key  VARCHAR(512) NOT NULL,
    external_id       VARCHAR(512),
    created           BIGINT       NOT NULL,
    last_modified     BIGINT       NOT NULL,
    version           BIGINT       NOT NULL,
    body              TEXT         NOT NULL
);
CREATE UNIQUE INDEX groups_display_name_key ON groups (display_name_key);
CREATE INDEX groups_external_id ON groups (external_id);
CREATE INDEX groups_created ON groups (created, id);

-- Membership is a relation: adding one member never reads or rewrites the others.
CREATE TABLE group_members (
    group_id  VARCHAR(36)  NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id   VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    display   VARCHAR(512),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE api_tokens (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    scope       VARCHAR(16)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    created     BIGINT       NOT NULL
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
