package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huixun.app.Installation;
import io.huixun.fetch.FetchSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document served at /api/openapi.json names every /api route the server registers, as serve wires it. */
class OpenApiDocumentTest {
    @TempDir
    Path dir;

    @Test
    void everyRegisteredApiRouteIsDocumented() throws Exception {
        try (Installation installation = Installation.open(dir.resolve("data"));
             ImageProxy images = ImageProxy.open(dir.resolve("data"), installation.store(), FetchSettings.defaults())) {
            AdminAuth auth = AdminAuth.open(installation.store().readers(), "admin", Optional.of("s3cret-pass"),
                    Clock.systemUTC());
            LocalNewsDesk desk = new LocalNewsDesk(installation);
            // The same groups as ServeCommand.serve.
            try (WebServer server = LoopbackServer.start(desk, auth, new LoginGuard(auth),
                    new ReaderRoutes(installation.store(), desk, auth), new GoogleReaderApi(installation.store(), auth),
                    new FeverApi(installation.store()), images)) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(LoopbackServer.base(server) + "/api/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode doc = new ObjectMapper().readTree(r.body());
                List<String> api = server.routes().stream().filter(s -> s.contains(" /api/")).toList();
                assertThat(api).as("the server registers API routes").contains("GET /api/articles");
                List<String> missing = new ArrayList<>();
                for (String route : api) {
                    String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
                    String path = route.substring(route.indexOf(' ') + 1);
                    if (!doc.path("paths").path(path).has(method)) {
                        missing.add(route);
                    }
                }
                assertThat(missing).as("routes missing from openapi.json").isEmpty();
                assertThat(doc.at("/components/securitySchemes/bearerToken/scheme").asText()).isEqualTo("bearer");
                assertThat(doc.at("/paths/~1api~1sources/get/security").toString()).contains("bearerToken");
                assertThat(doc.at("/paths/~1api~1articles/get/parameters").toString()).contains("\"before\"");
            }
        }
    }
}
