package io.huixun.app.web.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The repaired body with each repair marked where it was made: plain stretches, and at each repaired stretch the
 * pieces of the original its repairs replaced. The repair log gives each edit's place in the final text (its output
 * offsets, composed through the repair stages); edits of several stages that touch one stretch are shown together,
 * in the order they were made. Example: "當(dāng)權" repaired in two stages (the pinyin removed, then the script
 * converted) to "当权" is one stretch "当权" with the pieces "(dāng)" and "當權". A log that does not fit the text
 * (e.g. written by an older version) gives no marks rather than wrong ones. Immutable.
 */
public final class RepairMarks {
    /** A stretch of the final text; with edits, what they replaced (in the order they were made). */
    public record Piece(String text, List<RepairEditView> edits) {
        public Piece {
            edits = List.copyOf(edits);
        }

        public boolean repaired() {
            return !edits.isEmpty();
        }

        /** The kinds of the stretch's repairs, without repeats, in order. */
        public List<String> kinds() {
            return edits.stream().map(RepairEditView::kind).distinct().toList();
        }
    }

    private RepairMarks() {}

    /** The body's pieces, or empty when the body had no repairs or the log does not fit the text. */
    public static Optional<List<Piece>> of(String body, List<RepairEditView> edits) {
        List<RepairEditView> bodyEdits = edits.stream().filter(e -> e.field().equals("body")).toList();
        if (bodyEdits.isEmpty()) {
            return Optional.empty();
        }
        for (RepairEditView e : bodyEdits) {
            if (e.outputStart() < 0 || e.outputEnd() < e.outputStart() || e.outputEnd() > body.length()) {
                return Optional.empty();
            }
        }
        // stretches: edits whose final ranges overlap or touch, in text order; the log order within a stretch is kept
        List<RepairEditView> byPlace = new ArrayList<>(bodyEdits);
        byPlace.sort(Comparator.comparingInt(RepairEditView::outputStart));
        List<Piece> pieces = new ArrayList<>();
        int at = 0, i = 0;
        while (i < byPlace.size()) {
            int start = byPlace.get(i).outputStart(), end = byPlace.get(i).outputEnd();
            List<RepairEditView> members = new ArrayList<>();
            while (i < byPlace.size() && byPlace.get(i).outputStart() <= end) {
                members.add(byPlace.get(i));
                end = Math.max(end, byPlace.get(i).outputEnd());
                i++;
            }
            if (start < at) {
                return Optional.empty();
            }
            if (members.size() == 1 && !body.substring(start, end).equals(members.get(0).after())) {
                return Optional.empty(); // a one-stage repair must read as its replacement
            }
            if (start > at) {
                pieces.add(new Piece(body.substring(at, start), List.of()));
            }
            members.sort(Comparator.comparingInt(bodyEdits::indexOf));
            pieces.add(new Piece(body.substring(start, end), members));
            at = end;
        }
        if (at < body.length()) {
            pieces.add(new Piece(body.substring(at), List.of()));
        }
        return Optional.of(List.copyOf(pieces));
    }
}
