package io.huixun.app.web;

import io.javalin.config.RoutesConfig;

/**
 * Routes registered from outside {@link WebServer} (the reader's pages, the Google Reader and Fever APIs), so that
 * each area keeps its routes in its own class. {@code server} gives the shared page context, rendering and error
 * pages. Implementations must be thread-safe (handlers run on many request threads).
 */
@FunctionalInterface
public interface RouteGroup {
    void register(RoutesConfig routes, WebServer server);
}
