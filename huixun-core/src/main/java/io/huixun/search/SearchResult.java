package io.huixun.search;

/** What {@link SearchIndex#search} gives: a {@link SearchResponse} or a {@link QueryProblem}. */
public sealed interface SearchResult permits SearchResponse, QueryProblem {}
