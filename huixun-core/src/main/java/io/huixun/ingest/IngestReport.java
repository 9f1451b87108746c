package io.huixun.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ingest run did. Every input item ends in exactly one of the counts; {@link #problems()} says, item by item,
 * what could not be read or stored and why (the rest of the batch goes on regardless).
 *
 * @param inserted     new articles stored (canonical or copies)
 * @param copies       of {@code inserted}, those stored as copies of an earlier article
 * @param alreadyStored items seen before (same URL or same original bytes): nothing written
 * @param rejected     items the store refused (too large, no text …) or that could not be read
 * @param deferred     items left for a later visit because their host asked us to wait (not counted in {@code seen})
 * @param sourcesAdded feeds registered as sources (an OPML file given to ingest)
 */
public record IngestReport(int seen, int inserted, int copies, int alreadyStored, int rejected, List<Problem> problems,
                           int deferred, int sourcesAdded) {
    public IngestReport {
        problems = List.copyOf(problems);
    }

    public IngestReport(int seen, int inserted, int copies, int alreadyStored, int rejected, List<Problem> problems) {
        this(seen, inserted, copies, alreadyStored, rejected, problems, 0, 0);
    }

    static IngestReport sourcesAdded(int n) {
        return new IngestReport(0, 0, 0, 0, 0, List.of(), 0, n);
    }

    public static final IngestReport EMPTY = new IngestReport(0, 0, 0, 0, 0, List.of());

    /** One item whose host asked us to come back later. */
    static final IngestReport DEFERRED = new IngestReport(0, 0, 0, 0, 0, List.of(), 1, 0);

    /** One item that failed, and why. */
    public record Problem(String item, String message) {}

    public IngestReport plus(IngestReport other) {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(other.problems);
        return new IngestReport(seen + other.seen, inserted + other.inserted, copies + other.copies,
                alreadyStored + other.alreadyStored, rejected + other.rejected, all, deferred + other.deferred,
                sourcesAdded + other.sourcesAdded);
    }

    static IngestReport problem(String item, String message) {
        return new IngestReport(1, 0, 0, 0, 1, List.of(new Problem(item, message)));
    }

    @Override
    public String toString() {
        String items = String.format("%d items: %d stored (%d as copies of earlier articles), %d already stored, %d rejected",
                seen, inserted, copies, alreadyStored, rejected);
        return sourcesAdded == 0 ? items : items + "; " + sourcesAdded + " feeds added as sources";
    }
}
