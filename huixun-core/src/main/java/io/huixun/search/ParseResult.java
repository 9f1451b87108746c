package io.huixun.search;

/** What {@link QueryParser#parse} gives: a {@link ParsedQuery} or a {@link QueryProblem}. */
public sealed interface ParseResult permits ParsedQuery, QueryProblem {}
