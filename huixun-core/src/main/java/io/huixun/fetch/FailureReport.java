package io.huixun.fetch;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong in an exchange (an exception chain from Jetty, the JDK's TLS or a decoder) into the
 * {@link FetchResult} that says it in one sentence. Example: a chain ending in {@code ConnectException: Connection
 * refused} for 127.0.0.2:8080 → {@code Failed(CONNECTION_REFUSED, "connection refused by 127.0.0.2:8080")}; an
 * {@code SSLHandshakeException} caused by {@code CertificateExpiredException} → {@code Failed(TLS_EXPIRED, "TLS
 * certificate of example.com has expired (...)")}. Stateless.
 */
final class FailureReport {
    private FailureReport() {}

    /** Where the exchange was when it failed, and what the response had declared. */
    record Context(String requestedUrl, TargetUrl target, Deadline deadline, FetchResult.Stage stage,
                   long declaredLength, long bytesReceived) {}

    static FetchResult of(Throwable failure, Context c) {
        URI url = c.target().uri();
        String hostPort = c.target().hostHeader().contains(":") ? c.target().hostHeader()
                : c.target().hostHeader() + ":" + c.target().port();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GuardedResolver.BlockedAddressException b) {
                return new FetchResult.BlockedAddress(c.requestedUrl(), url, b.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return failed(c, FetchResult.Failure.UNKNOWN_HOST, "unknown host " + c.target().host());
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof java.nio.channels.InterruptedByTimeoutException) {
                boolean total = String.valueOf(t.getMessage()).contains("Total timeout");
                return timedOut(c, total);
            }
            if (t instanceof ConnectException) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (m.contains("timeout") || m.contains("timed out")) {
                    return timedOut(c, false);
                }
                if (m.contains("refused")) {
                    return failed(c, FetchResult.Failure.CONNECTION_REFUSED, "connection refused by " + hostPort);
                }
                return failed(c, FetchResult.Failure.CONNECTION_REFUSED, "could not connect to " + hostPort + " ("
                        + clean(t.getMessage()) + ")");
            }
            if (t instanceof SSLException) {
                return tls(t, c);
            }
        }
        Throwable root = root(failure);
        String detail = clean(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        if (hasCause(failure, org.eclipse.jetty.http.HttpException.class)
                || hasCause(failure, org.eclipse.jetty.client.HttpResponseException.class)) {
            String lower = detail.toLowerCase(Locale.ROOT);
            if (lower.contains("too large") || lower.contains("too big")) {
                return failed(c, FetchResult.Failure.BAD_RESPONSE, "response headers larger than "
                        + FetchResult.Durations.bytes(HttpTransport.MAX_RESPONSE_HEADER_BYTES) + " (" + detail + ")");
            }
            if (lower.contains("content-length")) {
                return failed(c, FetchResult.Failure.BAD_RESPONSE, "malformed response: bad Content-Length ("
                        + detail + ")");
            }
            if (c.stage() != FetchResult.Stage.BODY) {
                return failed(c, FetchResult.Failure.BAD_RESPONSE, "the server did not answer with a valid HTTP "
                        + "status line and headers (" + detail + ")");
            }
            return failed(c, FetchResult.Failure.BAD_RESPONSE, "malformed response body (" + detail + ")");
        }
        if (hasCause(failure, EOFException.class) || detail.toLowerCase(Locale.ROOT).contains("eof")) {
            if (c.stage() == FetchResult.Stage.BODY && c.declaredLength() >= 0) {
                return failed(c, FetchResult.Failure.CONNECTION_LOST, "body ended after " + c.bytesReceived()
                        + " of " + c.declaredLength() + " bytes declared by Content-Length");
            }
            if (c.stage() != FetchResult.Stage.BODY) {
                return failed(c, FetchResult.Failure.BAD_RESPONSE, "the server closed the connection before a "
                        + "complete status line and headers");
            }
            return failed(c, FetchResult.Failure.CONNECTION_LOST, "the connection closed before the body was "
                    + "complete (" + c.bytesReceived() + " bytes received)");
        }
        return failed(c, FetchResult.Failure.CONNECTION_LOST, "connection to " + hostPort + " failed while "
                + c.stage().text + " (" + detail + ")");
    }

    /** Whether the connection ended (EOF) with no sign of a timeout, TLS or parse error: a stale pooled connection. */
    static boolean closedEarly(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SSLException || t instanceof UnknownHostException
                    || t instanceof ConnectException || t instanceof GuardedResolver.BlockedAddressException
                    || t instanceof org.eclipse.jetty.http.HttpException) {
                return false;
            }
        }
        return hasCause(failure, EOFException.class)
                || String.valueOf(root(failure).getMessage()).toLowerCase(Locale.ROOT).contains("eof");
    }

    static FetchResult.TimedOut timedOut(Context c, boolean totalTimeoutFired) {
        boolean byDeadline = totalTimeoutFired || c.deadline().leftMillis() <= 50;
        String kind = byDeadline ? "deadline" : c.stage() == FetchResult.Stage.CONNECT ? "connect timeout"
                : "read timeout";
        return new FetchResult.TimedOut(c.requestedUrl(), c.target().uri(), c.deadline().elapsed(),
                kind + " while " + c.stage().text, c.stage(), byDeadline);
    }

    private static FetchResult tls(Throwable ssl, Context c) {
        String host = c.target().host();
        String detail = clean(root(ssl).getMessage() == null ? ssl.getMessage() : root(ssl).getMessage());
        for (Throwable t = ssl; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED)) {
                return failed(c, FetchResult.Failure.TLS_EXPIRED, "TLS certificate of " + host + " has expired ("
                        + detail + ")");
            }
            if (t instanceof CertificateNotYetValidException || (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return failed(c, FetchResult.Failure.TLS_EXPIRED, "TLS certificate of " + host
                        + " is not valid yet (" + detail + ")");
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return failed(c, FetchResult.Failure.TLS_WRONG_HOST, "TLS certificate is not for " + host + " ("
                        + detail + ")");
            }
            if (t instanceof CertPathBuilderException || m.contains("unable to find valid certification path")
                    || m.contains("PKIX path building failed")) {
                return failed(c, FetchResult.Failure.TLS_UNTRUSTED, "TLS certificate of " + host
                        + " is not signed by a trusted CA");
            }
        }
        return failed(c, FetchResult.Failure.TLS_HANDSHAKE, "TLS handshake with " + host + " failed (" + detail
                + ")");
    }

    private static FetchResult.Failed failed(Context c, FetchResult.Failure kind, String reason) {
        return new FetchResult.Failed(c.requestedUrl(), c.target().uri(), kind, reason);
    }

    private static boolean hasCause(Throwable t, Class<?> type) {
        for (; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** One line, no class names or Jetty object dumps: "HTTP protocol violation: bad response on HttpConnection@1f" →
     * "HTTP protocol violation: bad response". */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String m = message.replaceAll("\\s+", " ").replaceAll(" on [A-Za-z0-9.$]+@[0-9a-f]+.*$", "")
                .replaceAll("[A-Za-z0-9.$]+@[0-9a-f]{4,}(\\[[^\\]]*\\])?", "").strip();
        return TargetUrl.abbreviate(m.isEmpty() ? "no detail" : m);
    }
}
