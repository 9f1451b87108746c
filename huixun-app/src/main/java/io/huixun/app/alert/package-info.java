/**
 * Keyword alerts: a reader's saved query whose new matches are POSTed as JSON to the reader's webhook
 * ({@link io.huixun.app.alert.AlertDispatcher}), through an SSRF-guarded client with retries and back-off
 * ({@link io.huixun.app.alert.WebhookSender}).
 *
 * <p><b>Layer</b>: an app face above {@code app.web}: it searches through the web's {@code NewsDesk}. May import {@code
 * app.web}, the installation, {@code app.account}, {@code app.image}, fetch, search and store; never {@code app.cli}.
 * Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app.alert;
