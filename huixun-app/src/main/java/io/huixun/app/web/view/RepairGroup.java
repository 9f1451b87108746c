package io.huixun.app.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repairs of one kind, for the grouped "what was repaired" view: 471 edits become a handful of collapsible
 * groups ("删去夹注的拼音 · 452 处") with at most {@link #SHOWN} rows each. Immutable.
 *
 * @param kind   the {@code RepairKind} name, e.g. {@code PINYIN_ANNOTATION} (the page shows its label)
 * @param count  how many edits of this kind the article had
 * @param shown  the first {@link #SHOWN} of them, in text order
 */
public record RepairGroup(String kind, int count, List<RepairEditView> shown) {
    public static final int SHOWN = 100;

    public RepairGroup {
        shown = List.copyOf(shown);
    }

    /** Edits not listed in the group ({@code count - shown.size()}). */
    public int hidden() {
        return count - shown.size();
    }

    /** Groups edits by kind, the kind with most edits first (ties in order of first appearance). */
    public static List<RepairGroup> of(List<RepairEditView> edits) {
        Map<String, List<RepairEditView>> byKind = new LinkedHashMap<>();
        for (RepairEditView e : edits) {
            byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
        }
        List<RepairGroup> groups = new ArrayList<>();
        byKind.forEach((kind, list) -> groups.add(new RepairGroup(kind, list.size(),
                list.subList(0, Math.min(SHOWN, list.size())))));
        groups.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return List.copyOf(groups);
    }
}
