package io.huixun.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** An HTTPS site of the fleet is trusted through the CA the benchmark made, and only through it. */
class HttpsSiteTest {
    @Test
    void httpsSiteAnswersClientsTrustingTheFleetCa() throws Exception {
        FleetPlan plan = FleetPlan.build(10, 10, 1, true, ArticleTexts.load(10, 3));
        FleetPlan.Host host = plan.hosts().get(9);
        assertThat(host.https()).isTrue();
        FleetCa ca = FleetCa.create(List.of(host.address()));
        try (SiteServer site = SiteServer.start(host, plan, 3, 1, ca.serverContext())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("fleet", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            HttpRequest get = HttpRequest.newBuilder(URI.create(site.url("/robots.txt")))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(ctx).build()
                    .send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(site.url("/")).startsWith("https://127.77.0.10:");
            assertThat(r.statusCode()).isIn(200, 404);
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }
}
