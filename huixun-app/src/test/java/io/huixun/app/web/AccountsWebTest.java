package io.huixun.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.app.Installation;
import io.huixun.app.account.LoginThrottle;
import io.huixun.store.reader.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts over real HTTP on loopback against a real SQLite store: logins, throttling, sessions, what needs a login. */
class AccountsWebTest {
    /** The default policy's shape (3 free, doubling, capped) at a hundredth of its waits, so the test runs in a second. */
    static final LoginThrottle.Policy FAST = new LoginThrottle.Policy(3, Duration.ofMillis(10), Duration.ofMillis(160),
            Duration.ofMillis(600), Duration.ofHours(1));
    @TempDir
    static Path dir;
    static TestSite site;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        Installation installation = Installation.open(dir.resolve("data"));
        site = TestSite.start(installation, AdminAuth.open(installation.store().readers(), "admin",
                Optional.of("admin-password"), FAST, Clock.systemUTC()), (desk, auth) -> List.of(new LoginGuard(auth)));
        site.auth().accounts().add("reader1", Role.READER, "reader-password");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String login(String user, String password) throws Exception {
        HttpResponse<String> r = post("/login", "user=" + enc(user) + "&password=" + enc(password), null);
        assertThat(r.statusCode()).as(user + " logs in").isEqualTo(303);
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AdminAuth.COOKIE)).findFirst()
                .orElseThrow().split(";")[0];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void tenWrongPasswordsThenTheRightOneWithinAMinuteLogsIn() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/login", "user=admin&password=wrong" + i, null).statusCode()).isEqualTo(401);
        }
        long t0 = System.nanoTime();
        String cookie = login("admin", "admin-password");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("waited at most one spacing")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(get("/sources", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void theSourcesPageAndListNeedALoginAndOnlyAnAdministratorChangesThem() throws Exception {
        HttpResponse<String> page = get("/sources", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> api = get("/api/sources", null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\"").doesNotContain("Exception");
        assertThat(post("/sources", "url=" + enc("https://a.example.cn/feed"), null).statusCode()).isEqualTo(403);

        String reader = login("reader1", "reader-password");
        assertThat(get("/sources", reader).statusCode()).isEqualTo(200);
        assertThat(get("/api/sources", reader).statusCode()).isEqualTo(200);
        String csrf = site.auth().session(reader.substring(reader.indexOf('=') + 1)).orElseThrow().csrf();
        assertThat(post("/sources", "csrf=" + enc(csrf) + "&url=" + enc("https://a.example.cn/feed"), reader)
                .statusCode()).as("a reader is not an administrator").isEqualTo(403);
        assertThat(site.installation().store().listSources()).isEmpty();
    }

    @Test
    void sessionsAreKeptInTheStoreByHashAndEndAtLogout() throws Exception {
        String cookie = login("reader1", "reader-password");
        String token = cookie.substring(cookie.indexOf('=') + 1);
        var readers = site.installation().store().readers();
        assertThat(readers.session(token, java.time.Instant.now())).as("the raw token is not stored").isEmpty();
        AdminAuth restarted = AdminAuth.open(readers, "admin", Optional.empty(), Clock.systemUTC());
        assertThat(restarted.session(token)).as("a restarted server knows the session").isPresent();
        String csrf = restarted.session(token).orElseThrow().csrf();
        assertThat(post("/logout", "csrf=" + enc(csrf), cookie).statusCode()).isEqualTo(303);
        assertThat(get("/sources", cookie).statusCode()).isEqualTo(303);
    }

    @Test
    void theConfiguredAdministratorsPasswordIsTheOneThatWorks() {
        AdminAuth.open(site.installation().store().readers(), "boot", Optional.of("first-password"), Clock.systemUTC());
        AdminAuth again = AdminAuth.open(site.installation().store().readers(), "boot", Optional.of("second-password"),
                Clock.systemUTC());
        assertThat(again.accounts().verify("boot", "second-password")).hasValueSatisfying(a -> assertThat(a.admin()).isTrue());
        assertThat(again.accounts().verify("boot", "first-password")).isEmpty();
    }
}
