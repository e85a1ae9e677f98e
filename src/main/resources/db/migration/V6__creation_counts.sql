-- Live users and groups per bucket of creation time, at two widths (a second and an hour), kept
-- in the transaction of every insert and delete. A page deep in the default order (creation
-- time, then id) finds the second it starts in by summing these counts, instead of stepping
-- through every earlier row of the index (startIndex 900,000 stepped 900,000 entries). The sums
-- also give an unfiltered list its total without counting the table.
CREATE TABLE creation_counts (
    table_name  VARCHAR(32) NOT NULL,
    span        BIGINT      NOT NULL,
    bucket      BIGINT      NOT NULL,
    live        BIGINT      NOT NULL,
    PRIMARY KEY (table_name, span, bucket)
);
INSERT INTO creation_counts (table_name, span, bucket, live)
    SELECT 'users', 1000, created / 1000, COUNT(*) FROM users GROUP BY created / 1000;
INSERT INTO creation_counts (table_name, span, bucket, live)
    SELECT 'users', 3600000, created / 3600000, COUNT(*) FROM users GROUP BY created / 3600000;
INSERT INTO creation_counts (table_name, span, bucket, live)
    SELECT 'groups', 1000, created / 1000, COUNT(*) FROM groups GROUP BY created / 1000;
INSERT INTO creation_counts (table_name, span, bucket, live)
    SELECT 'groups', 3600000, created / 3600000, COUNT(*) FROM groups GROUP BY created / 3600000;
