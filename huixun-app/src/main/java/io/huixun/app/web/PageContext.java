package io.huixun.app.web;

import io.huixun.text.convert.ReadingConverter;
import io.huixun.text.time.NewsZone;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * What every page template needs besides its own data: the reader's language and script, the interface strings,
 * the logged-in account (if any; {@code admin} is any account's session, see {@link #isAdministrator()}) with the
 * CSRF token for forms, and the request path (for the language
 * switch). {@link #t(String)} shows stored (simplified) text in the reader's script.
 */
public record PageContext(Lang lang, Messages messages, Optional<AdminAuth.Session> admin, String path,
                          String query) {
    private static final ZoneId DISPLAY_ZONE = NewsZone.DEFAULT;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Interface string. */
    public String msg(String key) {
        return messages.get(key);
    }

    public String msg(String key, Object... args) {
        return messages.format(key, args);
    }

    /**
     * Stored text (simplified) in the reader's script: s2t, s2twp for zh-TW, s2hk for zh-HK, through
     * {@link ReadingConverter} (names keep 里, 秘書長 not 祕書長).
     */
    public String t(String simplified) {
        if (simplified == null) {
            return "";
        }
        return switch (lang) {
            case ZH_HANT -> ReadingConverter.of(ReadingConverter.Region.HANT).convert(simplified);
            case ZH_TW -> ReadingConverter.of(ReadingConverter.Region.TW).convert(simplified);
            case ZH_HK -> ReadingConverter.of(ReadingConverter.Region.HK).convert(simplified);
            case ZH_HANS, EN -> simplified;
        };
    }

    /**
     * {@link #t} over escaped HTML such as a highlighted snippet: conversion touches only Han characters, never
     * tags or entities, so escaped input stays escaped.
     */
    public String tHtml(String escapedHtml) {
        return t(escapedHtml);
    }

    /** A time as readers in China read it (Asia/Shanghai), e.g. 2025-04-26 18:30. */
    public String time(ZonedDateTime when) {
        if (when == null) {
            return "";
        }
        ZonedDateTime local = when.withZoneSameInstant(DISPLAY_ZONE);
        // Sources that give only a date are stored at midnight: show the date alone rather than a made-up 00:00.
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.toLocalDate().toString()
                : TIME.format(local);
    }

    /** An instant in the display zone: {@code 2026-12-03T04:05:00Z} → "2026-12-03 12:05" (never UTC ISO). */
    public String time(java.time.Instant when) {
        return when == null ? "" : TIME.format(when.atZone(DISPLAY_ZONE));
    }

    /** A source's stored last error as a sentence in the reader's language (never a record's text). */
    public String fetchError(String stored) {
        return t(Sentences.fetchError(stored == null ? "" : stored, lang));
    }

    /** A search query's problem as a sentence in the reader's language. */
    public String queryProblem(String message) {
        return t(Sentences.queryProblem(message == null ? "" : message, lang));
    }

    public String time(Optional<ZonedDateTime> when) {
        return when.map(this::time).orElse("");
    }

    /** This page's URL with {@code lang} set, for the language switch. */
    public String withLang(Lang other) {
        String q = query == null ? "" : query.replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
        return path + "?" + (q.isEmpty() ? "" : q + "&") + "lang=" + other.tag();
    }

    /** An outside link only when it is plain http(s); anything else ({@code javascript:}, {@code data:}) becomes "#". */
    public String safeUrl(String url) {
        if (url == null) {
            return "#";
        }
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && u.chars().noneMatch(c -> c < 0x20)
                ? u : "#";
    }

    /** URL-encodes a query parameter value. */
    public String enc(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String csrf() {
        return admin.map(AdminAuth.Session::csrf).orElse("");
    }

    /** Someone is logged in (an administrator or a reader). */
    public boolean loggedIn() {
        return admin.isPresent();
    }

    /** The one logged in is an administrator (may add, pause and remove sources). */
    public boolean isAdministrator() {
        return admin.map(AdminAuth.Session::admin).orElse(false);
    }
}
