-- CSV imports: progress and per-line errors. Each chunk of rows commits together with the
-- counters and next_line, so after a crash the record says exactly which rows were applied.

CREATE TABLE imports (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    mode       VARCHAR(8)   NOT NULL,
    state      VARCHAR(8)   NOT NULL,
    total      BIGINT       NOT NULL,
    processed  BIGINT       NOT NULL DEFAULT 0,
    succeeded  BIGINT       NOT NULL DEFAULT 0,
    failed     BIGINT       NOT NULL DEFAULT 0,
    -- the line the next unprocessed row starts on
    next_line  BIGINT       NOT NULL DEFAULT 2,
    actor      VARCHAR(200) NOT NULL,
    created    BIGINT       NOT NULL,
    finished   BIGINT
);

CREATE TABLE import_errors (
    import_id    VARCHAR(36)  NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line         BIGINT       NOT NULL,
    column_name  VARCHAR(200),
    detail       TEXT         NOT NULL,
    PRIMARY KEY (import_id, line)
);
