-- Huixun schema v2: what the understanding stage found in each article, the story it belongs to, and paused sources.
-- List values (keywords, entity names, reporters) are stored one per line (names never contain a newline).

ALTER TABLE sources ADD COLUMN paused BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE understandings (
    article_id       BIGINT PRIMARY KEY REFERENCES articles (id),
    summary          TEXT NOT NULL,
    category         TEXT NOT NULL,
    keywords         TEXT NOT NULL,
    people           TEXT NOT NULL,
    places           TEXT NOT NULL,
    organisations    TEXT NOT NULL,
    dateline_text    TEXT,
    dateline_start   INTEGER,
    dateline_agency  TEXT,
    dateline_place   TEXT,
    dateline_date    TEXT,
    dateline_reporters TEXT,
    story_id         TEXT
);

CREATE INDEX understandings_category ON understandings (category);
CREATE INDEX understandings_story ON understandings (story_id);
