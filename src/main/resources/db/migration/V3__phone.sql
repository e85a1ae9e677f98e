-- Phone: sites and their extension ranges, calling packages, the direct-number inventory, and
-- every extension number in use (held or cooling down) in one table whose key makes a number
-- unique across the deployment.

CREATE TABLE sites (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    name_key       VARCHAR(200) NOT NULL,
    is_default     BOOLEAN      NOT NULL,
    cooldown_days  BIGINT       NOT NULL,
    hold_days      BIGINT       NOT NULL,
    created        BIGINT       NOT NULL,
    last_modified  BIGINT       NOT NULL,
    version        BIGINT       NOT NULL,
    body           TEXT         NOT NULL
);
CREATE UNIQUE INDEX sites_name_key ON sites (name_key);

CREATE TABLE site_ranges (
    site_id     VARCHAR(36) NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    range_from  BIGINT      NOT NULL,
    range_to    BIGINT      NOT NULL,
    digits      INTEGER     NOT NULL
);
CREATE INDEX site_ranges_site ON site_ranges (site_id, range_from);

CREATE TABLE calling_packages (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    name_key       VARCHAR(200) NOT NULL,
    rank           BIGINT       NOT NULL,
    created        BIGINT       NOT NULL,
    last_modified  BIGINT       NOT NULL,
    version        BIGINT       NOT NULL,
    body           TEXT         NOT NULL
);
CREATE UNIQUE INDEX calling_packages_name_key ON calling_packages (name_key);

-- state: unassigned | assigned | held | cooldown; release_at ends a hold or a cooldown.
CREATE TABLE phone_numbers (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    number         VARCHAR(32)  NOT NULL,
    site_key       VARCHAR(200),
    state          VARCHAR(16)  NOT NULL,
    user_id        VARCHAR(36),
    release_at     BIGINT,
    created        BIGINT       NOT NULL,
    last_modified  BIGINT       NOT NULL,
    version        BIGINT       NOT NULL,
    body           TEXT         NOT NULL
);
CREATE UNIQUE INDEX phone_numbers_number ON phone_numbers (number);
CREATE INDEX phone_numbers_user ON phone_numbers (user_id);

-- state: assigned | held | cooldown. A row exists while nobody else may take the number.
CREATE TABLE extensions (
    number        VARCHAR(32) NOT NULL PRIMARY KEY,
    number_value  BIGINT      NOT NULL,
    digits        INTEGER     NOT NULL,
    user_id       VARCHAR(36),
    state         VARCHAR(16) NOT NULL,
    release_at    BIGINT
);
CREATE INDEX extensions_value ON extensions (digits, number_value);
CREATE INDEX extensions_user ON extensions (user_id);

ALTER TABLE users ADD COLUMN phone_licensed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN phone_state VARCHAR(16) NOT NULL DEFAULT 'none';
ALTER TABLE users ADD COLUMN phone_seat BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN phone_pending_since BIGINT;
ALTER TABLE users ADD COLUMN phone_sources TEXT;
ALTER TABLE users ADD COLUMN phone_package VARCHAR(200);
ALTER TABLE users ADD COLUMN phone_site VARCHAR(36);
ALTER TABLE users ADD COLUMN extension VARCHAR(32);
CREATE INDEX users_phone_pending ON users (phone_state, phone_pending_since);
