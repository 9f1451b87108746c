package io.huixun.text.repair;

/** A fixer's proposal: replace {@code [start, end)} of the text it was given by {@code text}. */
record Replacement(int start, int end, String text, RepairKind kind, double confidence) {
}
