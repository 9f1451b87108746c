package io.huixun.app.web.view;

/**
 * One repair, for the "what was repaired" view: where it was made ({@code title} or {@code body}), its kind (a
 * {@code RepairKind} name such as {@code PINYIN_ANNOTATION}), what stood in the original and what replaced it.
 */
public record RepairEditView(String field, String kind, String before, String after, double confidence,
                             int inputStart, int outputStart, int outputEnd) {}
