package io.huixun.app.web;

import io.huixun.app.Installation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A web test's running site: an installation, its administrator ({@code admin}), the desk over it and a loopback
 * server, started and closed together. The tests differ in what the installation holds and which route groups they
 * serve, so those are the arguments; the rest is here once. Example:
 * {@code site = TestSite.start(installation, Optional.of("front-pass"), (desk, auth) -> List.of(new LoginGuard(auth)));}
 * then {@code site.base() + "/sources"}, and {@code site.close()} in {@code @AfterAll}.
 *
 * <p>Set up and closed by one test class's lifecycle methods; its parts are shared with the server's threads as they
 * document ({@link Installation}, {@link AdminAuth}, {@link LocalNewsDesk} are safe for concurrent use).
 */
record TestSite(Installation installation, AdminAuth auth, LocalNewsDesk desk, WebServer server)
        implements AutoCloseable {
    /** The route groups a test serves, built from the site's desk and login. */
    @FunctionalInterface
    interface Routes {
        List<RouteGroup> of(LocalNewsDesk desk, AdminAuth auth);
    }

    /** Serves {@code installation} with an {@code admin} account whose password is {@code adminPassword}, if given. */
    static TestSite start(Installation installation, Optional<String> adminPassword, Routes routes) {
        return start(installation, AdminAuth.open(installation.store().readers(), "admin", adminPassword,
                Clock.systemUTC()), routes);
    }

    /** Serves {@code installation} with a login the test opened itself (e.g. with a faster throttle). */
    static TestSite start(Installation installation, AdminAuth auth, Routes routes) {
        LocalNewsDesk desk = new LocalNewsDesk(installation);
        WebServer server = LoopbackServer.start(desk, auth, routes.of(desk, auth).toArray(RouteGroup[]::new));
        return new TestSite(installation, auth, desk, server);
    }

    /** {@code http://127.0.0.1:PORT}. */
    String base() {
        return LoopbackServer.base(server);
    }

    /** Stops the server, then closes the installation. */
    @Override
    public void close() {
        server.close();
        installation.close();
    }
}
