/**
 * The web face of Huixun: server-rendered pages (jte templates, no JavaScript needed), the JSON API, RSS/Atom
 * feeds, health and metrics. Entry point: {@link io.huixun.app.web.WebServer}. Every response, errors included,
 * carries a strict Content-Security-Policy ({@link io.huixun.app.web.SecurityHeaders}); every HTML body that came
 * from outside is cleaned by {@link io.huixun.app.web.HtmlSanitizer} before it is shown.
 *
 * <p><b>Layer</b>: an app face, above the installation ({@code io.huixun.app}). May import the installation, {@code
 * app.account}, {@code app.image}, ingest, the stages and the layers below; never {@code app.alert} or {@code app.cli}
 * (which import it) or a back-end (the installation chooses it). Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app.web;
