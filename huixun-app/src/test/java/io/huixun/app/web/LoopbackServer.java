package io.huixun.app.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The web tests' server: {@link WebServer} on 127.0.0.1 at a free port, with a fresh metrics registry, so each test
 * names only what differs (the desk, the accounts, the route groups). Example:
 * {@code server = LoopbackServer.start(desk, auth, new LoginGuard(auth)); base = LoopbackServer.base(server);}.
 * Stateless.
 */
final class LoopbackServer {
    private LoopbackServer() {}

    static WebServer start(NewsDesk desk, AdminAuth auth, RouteGroup... groups) {
        return WebServer.start(desk, auth, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "127.0.0.1", 0,
                groups);
    }

    /** {@code http://127.0.0.1:PORT}, the address the tests send their requests to. */
    static String base(WebServer server) {
        return "http://127.0.0.1:" + server.port();
    }
}
