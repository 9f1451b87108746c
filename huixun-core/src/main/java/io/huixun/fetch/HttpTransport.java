package io.huixun.fetch;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The Jetty {@link HttpClient} behind a {@link Fetcher}, configured once from {@link FetchSettings}.
 *
 * <p>Design note: Jetty does the wire work (HTTP/1.1 keep-alive pool, HTTP/2 when TLS ALPN offers it, CONNECT and
 * forward proxies, TLS with host-name verification, header size limits); the fetcher keeps the policy: redirects are
 * not followed here (the fetcher judges every hop), content is not decoded here (the fetcher decodes gzip, deflate and
 * br itself so it can cap the decoded size), cookies are not kept (a fetch must not depend on an earlier one), and the
 * {@link GuardedResolver} judges every address Jetty connects to. Threads are daemons so a CLI run can exit without
 * closing. Thread-safe: Jetty's client is made for concurrent use; this class holds it and nothing mutable.
 */
final class HttpTransport implements AutoCloseable {
    /** Response header limit (all header lines together), as the hand-written client had it. */
    static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;
    private static final Duration POOLED_IDLE = Duration.ofSeconds(30);

    final HttpClient client;

    HttpTransport(FetchSettings settings) {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls(settings.extraTrust()));
        connector.setConnectTimeout(settings.readTimeout());
        connector.setIdleTimeout(POOLED_IDLE);
        HTTP2Client h2 = new HTTP2Client(connector);
        h2.setMaxResponseHeadersSize(MAX_RESPONSE_HEADER_BYTES);
        // clear text speaks HTTP/1.1 (the first); over TLS, ALPN lets the server pick h2 or http/1.1
        HttpClientTransportDynamic transport = new HttpClientTransportDynamic(connector,
                HttpClientConnectionFactory.HTTP11, new ClientConnectionFactoryOverHTTP2.HTTP2(h2));
        client = new HttpClient(transport);
        QueuedThreadPool threads = new QueuedThreadPool(200, 2, 30_000);
        threads.setName("huixun-fetch");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("huixun-fetch-timer", true));
        client.setSocketAddressResolver(new GuardedResolver(settings.addressPolicy(), settings.proxy().all()));
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(settings.maxPerHost());
        client.setMaxRequestsQueuedPerDestination(4096);
        client.setMaxResponseHeadersSize(MAX_RESPONSE_HEADER_BYTES);
        client.setConnectTimeout(settings.readTimeout().toMillis());
        client.setIdleTimeout(POOLED_IDLE.toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, settings.userAgent()));
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        FetchProxy proxy = settings.proxy();
        proxy.http().ifPresent(p -> client.getProxyConfiguration().addProxy(proxyFor(p, false, proxy)));
        proxy.https().ifPresent(p -> client.getProxyConfiguration().addProxy(proxyFor(p, true, proxy)));
        try {
            client.start();
            // start() registers the decoders found on the class path (gzip); the fetcher decodes itself, after
            client.getContentDecoderFactories().clear();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client did not start: " + e.getMessage(), e);
        }
    }

    /** A Jetty proxy used only for targets of one scheme that NO_PROXY does not exempt. */
    private static HttpProxy proxyFor(URI p, boolean forHttpsTargets, FetchProxy settings) {
        boolean secureProxy = "https".equalsIgnoreCase(p.getScheme());
        return new HttpProxy(new Origin.Address(p.getHost(), FetchProxy.port(p)), secureProxy) {
            @Override
            public boolean matches(Origin origin) {
                boolean https = "https".equals(origin.getScheme().toLowerCase(Locale.ROOT));
                return https == forHttpsTargets
                        && settings.proxyFor(https, origin.getAddress().getHost(), origin.getAddress().getPort())
                        .isPresent();
            }
        };
    }

    /** TLS with host-name verification; the JDK's trusted CAs plus the extra ones. */
    private static SslContextFactory.Client tls(List<X509Certificate> extra) {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setEndpointIdentificationAlgorithm("HTTPS");
        if (!extra.isEmpty()) {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                jdk.init((KeyStore) null);
                int n = 0;
                for (TrustManager tm : jdk.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x) {
                        for (X509Certificate ca : x.getAcceptedIssuers()) {
                            store.setCertificateEntry("jdk-" + n++, ca);
                        }
                    }
                }
                for (X509Certificate ca : extra) {
                    store.setCertificateEntry("extra-" + n++, ca);
                }
                ssl.setTrustStore(store);
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot build the TLS trust store: " + e.getMessage(), e);
            }
        }
        return ssl;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping releases sockets and threads; nothing more to do if it complains
        }
    }
}
