package io.huixun.app.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives before a request reaches Javalin's routes — a malformed request line or URI
 * ({@code GET /%zz}), an ambiguous path, headers too large — as Huixun's own error page with the
 * {@link SecurityHeaders}, instead of Jetty's bare page ({@code <h2>HTTP ERROR 400 Bad Request</h2>}) without them.
 * The page is written in the default interface language: such a request may not even have a readable path or
 * cookie. Stateless apart from the page renderer it is given, which must be thread-safe.
 */
final class JettyErrorPages extends ErrorHandler {
    private final IntFunction<String> page;

    /** @param page the complete HTML page for a status, e.g. 400 → Huixun's "请求有误" page */
    JettyErrorPages(IntFunction<String> page) {
        this.page = page;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        HttpFields.Mutable headers = response.getHeaders();
        SecurityHeaders.HEADERS.forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(page.apply(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A request Jetty could not parse at all: the connection is answered and closed with this body. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.HEADERS.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(page.apply(status).getBytes(StandardCharsets.UTF_8));
    }
}
