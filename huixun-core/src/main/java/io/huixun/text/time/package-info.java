/**
 * Times as Chinese news sources write them: the zone a time without one is read in ({@link NewsZone}) and one reader
 * for the date forms feeds, page metadata, JSONL items and HTTP headers share ({@link NewsDates}). Part of the shared
 * text layer: {@code source}, {@code extract}, {@code fetch}, {@code ingest} and {@code cluster} use it; it uses
 * nothing of Huixun's. Each caller keeps its own special rule as a thin wrapper (Retry-After's seconds in
 * {@code fetch.HostSchedule}, relative times such as {@code 昨天 10:30} in {@code extract.PublishTimeParser}).
 */
package io.huixun.text.time;
