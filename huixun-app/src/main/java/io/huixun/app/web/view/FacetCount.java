package io.huixun.app.web.view;

/** One value of a facet and how many hits have it. */
public record FacetCount(String value, long count) {}
