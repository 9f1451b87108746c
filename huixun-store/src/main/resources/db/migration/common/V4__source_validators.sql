-- Huixun schema v4: the HTTP validators of a source's last full fetch, so that the next refresh can be conditional
-- (If-None-Match / If-Modified-Since) and a 304 writes nothing.
ALTER TABLE sources ADD COLUMN etag TEXT;
ALTER TABLE sources ADD COLUMN last_modified TEXT;
