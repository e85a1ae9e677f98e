-- Lowest-free agent ids without scanning every holder: every id from 1000 up to (not including)
-- next_free is taken. Allocation searches upwards from next_free; releasing an id below it
-- lowers it.

CREATE TABLE agent_id_cursor (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    next_free  BIGINT  NOT NULL
);
INSERT INTO agent_id_cursor (id, next_free) VALUES (1, 1000);
