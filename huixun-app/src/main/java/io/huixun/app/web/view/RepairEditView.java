package io.huixun.app.web.view;

/** One repair, for the "what was repaired" view: what stood in the original and what replaced it. */
public record RepairEditView(String kind, String before, String after, double confidence, int inputStart) {}
