package io.huixun.app.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for the webhook URL a reader types into an alert form: http or https with a host, at most 2,000
 * characters. It lives with the form, not with {@code alert.WebhookSender}, so that the web layer does not import
 * the alert package (which sits above it and searches through {@link NewsDesk}); what a webhook may reach at
 * connect time is the sender's {@code AddressPolicy}, not this rule. Example: {@code file:///etc/passwd} →
 * {@code Optional[alert.badUrl]}; {@code https://hooks.example.cn/x} → empty.
 *
 * <p>Stateless, so safe from any thread.
 */
public final class WebhookUrl {
    static final int MAX_LENGTH = 2000;

    private WebhookUrl() {}

    /** The message key of why {@code url} cannot be a webhook, if it cannot. */
    public static Optional<String> problem(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > MAX_LENGTH || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return Optional.of("alert.badUrl");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("alert.badUrl");
        }
    }
}
