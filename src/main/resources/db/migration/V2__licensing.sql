-- Contact-center licensing. The direct demands (license, role, queues) live in the user's SCIM
-- body; what resolution computes lives in columns beside it, so lists and filters read it
-- without a join, and the seat and agent-id rules are enforced by the database.

ALTER TABLE users ADD COLUMN cc_effective VARCHAR(16) NOT NULL DEFAULT 'none';
ALTER TABLE users ADD COLUMN cc_state VARCHAR(16) NOT NULL DEFAULT 'none';
-- The pool whose seat the user holds (an upgrade waiting for premium keeps its standard seat).
ALTER TABLE users ADD COLUMN cc_seat VARCHAR(32);
ALTER TABLE users ADD COLUMN cc_pending_since BIGINT;
ALTER TABLE users ADD COLUMN cc_sources TEXT;
ALTER TABLE users ADD COLUMN agent_id BIGINT;
CREATE UNIQUE INDEX users_agent_id ON users (agent_id);
CREATE INDEX users_cc_pending ON users (cc_state, cc_effective, cc_pending_since);

CREATE TABLE seat_pools (
    id        VARCHAR(32) NOT NULL PRIMARY KEY,
    capacity  BIGINT,
    in_use    BIGINT      NOT NULL DEFAULT 0,
    version   BIGINT      NOT NULL DEFAULT 1,
    -- A pool never goes over capacity: enforced here, not by a Java lock.
    CONSTRAINT seat_pools_within_capacity CHECK (in_use >= 0 AND (capacity IS NULL OR in_use <= capacity))
);
INSERT INTO seat_pools (id, capacity, in_use) VALUES ('contactCenter.standard', NULL, 0);
INSERT INTO seat_pools (id, capacity, in_use) VALUES ('contactCenter.premium', NULL, 0);
INSERT INTO seat_pools (id, capacity, in_use) VALUES ('phone.licensed', NULL, 0);

-- A template applies to the group with group_id, or, when that is null, to the group whose
-- displayName key equals group_display_key (so it follows IdP creates and renames).
CREATE TABLE license_templates (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    name_key           VARCHAR(200) NOT NULL,
    group_id           VARCHAR(36),
    group_display_key  VARCHAR(512),
    contact_center     VARCHAR(16)  NOT NULL,
    precedence         BIGINT       NOT NULL,
    created            BIGINT       NOT NULL,
    last_modified      BIGINT       NOT NULL,
    version            BIGINT       NOT NULL,
    body               TEXT         NOT NULL
);
CREATE UNIQUE INDEX license_templates_name_key ON license_templates (name_key);
CREATE INDEX license_templates_group_id ON license_templates (group_id);
CREATE INDEX license_templates_group_display_key ON license_templates (group_display_key);

CREATE TABLE audit_events (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id        VARCHAR(36)  NOT NULL,
    product        VARCHAR(32)  NOT NULL,
    created        BIGINT       NOT NULL,
    last_modified  BIGINT       NOT NULL,
    version        BIGINT       NOT NULL,
    body           TEXT         NOT NULL
);
CREATE INDEX audit_events_user ON audit_events (user_id, created);
CREATE INDEX audit_events_product ON audit_events (product, created);
CREATE INDEX audit_events_created ON audit_events (created, id);
