package io.huixun.fetch;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A well-behaved Jetty server on a loopback address, for what the raw {@link TestHttpServer} cannot show: keep-alive,
 * TLS with a test CA, HTTP/2 through ALPN. Counts the TCP connections it accepts and the most that were open at once,
 * and records the protocol of every request.
 */
final class JettyTestServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String path, String protocol, Map<String, String> headers) {}

    @FunctionalInterface
    interface Route {
        /** Answers with status, content type and body; may block to play a slow server. */
        Answer answer(Request request) throws Exception;
    }

    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer text(String body) {
            return new Answer(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    /** Plain HTTP/1.1 when {@code keyStore} is null; else TLS offering h2 and http/1.1 through ALPN. */
    JettyTestServer(String bindAddress, KeyStore keyStore) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        tls = keyStore != null;
        if (tls) {
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            src.setSniHostCheck(false); // the tests reach the server by IP; host checks are the client's job
            config.addCustomizer(src);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keyStore);
            ssl.setKeyStorePassword("test");
            HttpConnectionFactory h1 = new HttpConnectionFactory(config);
            HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
            alpn.setDefaultProtocol("http/1.1");
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, h1);
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(config));
        }
        connector.setHost(InetAddress.getByName(bindAddress).getHostAddress());
        connector.setPort(0);
        connector.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                // one count per socket: TLS stacks a decrypted connection on the SslConnection of the same socket
                if (connection.getEndPoint() instanceof org.eclipse.jetty.io.SocketChannelEndPoint) {
                    accepted.incrementAndGet();
                    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void onClosed(Connection connection) {
                if (connection.getEndPoint() instanceof org.eclipse.jetty.io.SocketChannelEndPoint) {
                    open.decrementAndGet();
                }
            }
        });
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                Map<String, String> headers = new java.util.HashMap<>();
                request.getHeaders().forEach(f -> headers.put(f.getLowerCaseName(), f.getValue()));
                seen.add(new Seen(path, request.getConnectionMetaData().getProtocol(), headers));
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Route route = routes.get(path);
                    Answer a = route == null ? new Answer(404, "text/plain", "not found".getBytes(
                            StandardCharsets.US_ASCII), Map.of()) : route.answer(request);
                    response.setStatus(a.status());
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
                    a.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                    response.write(true, ByteBuffer.wrap(a.body()), callback);
                } finally {
                    inFlight.decrementAndGet();
                }
                return true;
            }
        });
        server.start();
    }

    JettyTestServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    String url(String path) {
        String host = connector.getHost();
        return (tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + connector.getLocalPort() + path;
    }

    long hits(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).count();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

}
