package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a browser without script does against a test server: log in, post forms with the CSRF token, get pages. */
final class FormClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebServer server;
    private final AdminAuth auth;

    FormClient(WebServer server, AdminAuth auth) {
        this.server = server;
        this.auth = auth;
    }

    record Login(String cookie, String csrf, long userId) {
        String token() {
            return cookie.substring(cookie.indexOf('=') + 1);
        }
    }

    /** Logs in as {@code user} whose password is {@code user + "-password"}. */
    Login login(String user) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user + "&password=" + user + "-password")));
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AdminAuth.COOKIE))
                .findFirst().orElseThrow().split(";")[0];
        AdminAuth.Session s = auth.session(cookie.substring(cookie.indexOf('=') + 1)).orElseThrow();
        return new Login(cookie, s.csrf(), s.userId());
    }

    HttpResponse<String> post(String path, String form, Login login) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        form + (login == null ? "" : "&csrf=" + enc(login.csrf()))));
        if (login != null) {
            b.header("Cookie", login.cookie());
        }
        return send(b);
    }

    HttpResponse<String> get(String path, Login login) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", login.cookie()).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(LoopbackServer.base(server) + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
