/**
 * The web face of Huixun: server-rendered pages (jte templates, no JavaScript needed), the JSON API, RSS/Atom
 * feeds, health and metrics. Entry point: {@link io.huixun.app.web.WebServer}. Every response, errors included,
 * carries a strict Content-Security-Policy ({@link io.huixun.app.web.SecurityHeaders}); every HTML body that came
 * from outside is cleaned by {@link io.huixun.app.web.HtmlSanitizer} before it is shown.
 */
package io.huixun.app.web;
