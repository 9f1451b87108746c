-- Huixun schema v6: readers. Accounts, server-side sessions, each reader's reading state, folders, follows and saved
-- searches. Every per-reader row names its user and goes with it (ON DELETE CASCADE).
--
-- Reading state is kept per canonical article: a copy (articles.duplicate_of) is read or starred through its
-- canonical, so a report read once is read wherever its copies appear. Example: 7 is a copy of 3; marking 7 read
-- writes (user, 3); article 3 and every other copy of 3 then show as read.
-- "Everything before" marks are watermarks, not rows per article: users.read_before (the whole reading list) and
-- follows.read_before (one source) hold the largest article id marked read at once; an article is unread when its
-- row says so (is_read = FALSE) or when it has no row and its id is above both watermarks. Mark-all-as-read writes one
-- row however many articles it covers.

CREATE TABLE users (
    id            ${identity},
    name          TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    fever_key     TEXT    UNIQUE,
    read_before   BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL
);

-- token_hash is the SHA-256 of the token the client holds, so a copy of this table opens no session.
CREATE TABLE sessions (
    token_hash    TEXT    PRIMARY KEY,
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    csrf          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE item_state (
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    article_id    BIGINT  NOT NULL REFERENCES articles (id),
    is_read       BOOLEAN,
    starred_at    BIGINT,
    changed_at    BIGINT  NOT NULL,
    PRIMARY KEY (user_id, article_id)
);

CREATE INDEX item_state_starred ON item_state (user_id, starred_at) WHERE starred_at IS NOT NULL;
CREATE INDEX item_state_unread ON item_state (user_id, article_id) WHERE is_read = FALSE;

CREATE TABLE folders (
    id            ${identity},
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    UNIQUE (user_id, name)
);

-- kind: SOURCE (target = the source id), STORY (story id), ENTITY (a person, place or organisation), QUERY (a search).
-- source_id repeats a SOURCE follow's target as a number so reading lists join on it.
CREATE TABLE follows (
    id            ${identity},
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    source_id     BIGINT  REFERENCES sources (id) ON DELETE CASCADE,
    title         TEXT    NOT NULL,
    folder_id     BIGINT  REFERENCES folders (id) ON DELETE SET NULL,
    read_before   BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    UNIQUE (user_id, kind, target)
);

CREATE INDEX follows_source ON follows (source_id);

CREATE TABLE saved_searches (
    id            ${identity},
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    query         TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    UNIQUE (user_id, name)
);

-- A source's articles newest first (reading lists and unread counts walk this from the top).
CREATE INDEX articles_source_newest ON articles (source_id, id);

-- Keyword alerts: a reader's query whose new matches are POSTed as JSON to the reader's webhook. last_article_id is
-- the newest article already delivered (delivery moves it on only after the webhook answered 2xx).
CREATE TABLE alerts (
    id              ${identity},
    user_id         BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    query           TEXT    NOT NULL,
    webhook_url     TEXT    NOT NULL,
    last_article_id BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX alerts_user ON alerts (user_id);
