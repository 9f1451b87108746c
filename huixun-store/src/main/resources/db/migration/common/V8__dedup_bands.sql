-- Huixun schema v8: de-duplication's MinHash LSH buckets, kept with the articles so that a new text finds the stored
-- articles it could copy through an index, with nothing held in memory or rebuilt at start-up.
-- One row per (band key, article): a signature of 40 bands gives 40 rows, written in the article's own transaction.
-- band_key is DedupConfig.bandKeys of the article's minhash (a signed 64-bit hash of one band's 3 values).
-- A look-up reads the rows of 40 keys through the primary key: "WHERE band_key IN (k1, …, k40)".
-- ${key_only} is WITHOUT ROWID in SQLite (the rows are the primary key's B-tree, no second copy), empty in PostgreSQL.
-- No foreign key: the rows are only ever written with their article, articles are never deleted, and checking 40
-- rows against articles would slow every insert.

CREATE TABLE dedup_bands (
    band_key   BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (band_key, article_id)
) ${key_only};

-- Articles stored before v8 have no bands yet. SQL cannot compute them (a 64-bit mix of the minhash blob), so this
-- only records the id range to fill; the de-duplicating writer fills it at its first open, in batches of its own
-- transactions, with progress in the log (ArticleStore.fillDedupBands). The row is deleted once filled.
CREATE TABLE dedup_band_backfill (
    next_id BIGINT NOT NULL,
    last_id BIGINT NOT NULL
);

INSERT INTO dedup_band_backfill (next_id, last_id)
SELECT lo, hi FROM (SELECT MIN(id) AS lo, MAX(id) AS hi FROM articles) range_of_ids WHERE lo IS NOT NULL;
