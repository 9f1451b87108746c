/**
 * Keyword alerts: a reader's saved query whose new matches are POSTed as JSON to the reader's webhook
 * ({@link io.huixun.app.alert.AlertDispatcher}), through an SSRF-guarded client with retries and back-off
 * ({@link io.huixun.app.alert.WebhookSender}).
 */
package io.huixun.app.alert;
