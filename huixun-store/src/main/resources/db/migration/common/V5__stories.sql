-- Huixun schema v5: stories are stored, not replayed. A story is the set of articles about one event across sources
-- and days; its canonical members carry its id in understandings.story_id (copies carry their canonical's).
-- Counts are kept up to date by the one writer, so pages read one row instead of counting members:
--   articles = canonical members, reports = members and their copies, sources = distinct source names among them.
-- lead_rank orders candidate leads (lower is better): full text before teaser, clean before repaired, earlier first.
-- state is the clusterer's working state (features) while the story may still grow; merged_into names the story that
-- absorbed this one when a bridging report joined two.

CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    lead_id      BIGINT NOT NULL,
    lead_rank    BIGINT NOT NULL,
    first_at     BIGINT NOT NULL,
    last_at      BIGINT NOT NULL,
    articles     INTEGER NOT NULL,
    reports      INTEGER NOT NULL,
    sources      INTEGER NOT NULL,
    dated        BOOLEAN NOT NULL,
    merged_into  TEXT,
    state        TEXT
);

CREATE INDEX stories_last ON stories (last_at);

CREATE TABLE story_sources (
    story_id     TEXT NOT NULL,
    source       TEXT NOT NULL,
    reports      INTEGER NOT NULL,
    PRIMARY KEY (story_id, source)
);

-- The clusterer's document frequencies, one row per day of the last few days (bounded), saved at each index commit.
CREATE TABLE story_frequencies (
    day          TEXT PRIMARY KEY,
    state        TEXT NOT NULL
);
