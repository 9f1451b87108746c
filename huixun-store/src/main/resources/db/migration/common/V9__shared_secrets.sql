-- Huixun schema v9: secrets every node of one store must share, made once by whichever node needs one first.
-- The image proxy's signing key lived in each node's data folder, so behind a load balancer a picture URL signed by
-- one node was refused (403) by the next. value is base64.
CREATE TABLE secrets (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
