package io.huixun.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where de-duplication decides: which indexed articles a new text is similar to, and what it is (unique,
 * a copy of a group, or a better copy superseding groups). It asks a {@link DedupCandidates} source for the few
 * articles worth comparing (the exact twin, those sharing an LSH band, the canonicals of matched copies), so the same
 * rules serve the in-memory {@link DedupIndex} and a store's persisted buckets.
 *
 * <p>Rules: candidates whose signature estimate reaches {@link DedupConfig#threshold()} match (with a
 * {@link Verification}, estimates near the threshold are replaced by the exact similarity of the texts). A new text
 * joins a group only when it is similar to the group's canonical itself, not merely to one of its copies, so that
 * chains of partial copies (A~B, B~C, A≁C) never link unrelated texts. Among the groups it joins, the best canonical
 * ({@link CanonicalRank}, then smaller id) wins, unless the new text ranks better than all of them: it then supersedes
 * them all. Texts without any shingle are never matched. Example: a clean copy published before the stored (repaired)
 * canonical of its story answers {@code Supersedes([old id])}.
 *
 * <p>Immutable; thread-safe as far as the source passed in is.
 */
public final class DedupRules {
    private final DedupConfig config;

    public DedupRules(DedupConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public DedupConfig config() {
        return config;
    }

    /**
     * What {@code fingerprint} is among the members of {@code source}. {@code verification} may be null: estimates
     * only.
     */
    public DedupVerdict decide(Fingerprint fingerprint, CanonicalRank rank, Verification verification,
                               DedupCandidates source) {
        requireSize(fingerprint);
        if (fingerprint.signature().isEmpty()) {
            return new DedupVerdict.Unique();
        }
        Map<Long, DedupCandidates.Member> known = new HashMap<>();
        // Candidate groups: the exact twin's group (similarity 1), then every group whose canonical itself is similar.
        Map<Long, Double> groups = new LinkedHashMap<>();
        long exactGroup = -1;
        DedupCandidates.Found candidates = source.lookup(fingerprint.exactKey(),
                config.bandKeys(fingerprint.signature()));
        Optional<DedupCandidates.Member> exact = candidates.exactTwin();
        if (exact.isPresent()) {
            known.put(exact.get().id(), exact.get());
            exactGroup = exact.get().canonicalId();
            groups.put(exactGroup, 1.0);
        }
        List<DedupCandidates.Member> sharing = candidates.sharingBands();
        sharing.forEach(m -> known.putIfAbsent(m.id(), m));
        List<Scored> found = scored(sharing, fingerprint.signature(), verification);
        Set<Long> missing = new LinkedHashSet<>();
        groups.keySet().forEach(missing::add);
        found.forEach(s -> missing.add(s.member().canonicalId()));
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            known.putAll(source.members(missing));
        }
        for (Scored s : found) {
            long canonicalId = s.member().canonicalId();
            if (groups.containsKey(canonicalId)) {
                continue;
            }
            DedupCandidates.Member canonical = known.get(canonicalId);
            if (canonical == null) {
                continue;
            }
            double similarity = s.member().id() == canonicalId ? s.similarity()
                    : similarity(canonical, fingerprint.signature(), verification);
            groups.put(canonicalId, similarity);
        }
        groups.keySet().removeIf(id -> !known.containsKey(id)); // a vanished canonical groups nothing
        groups.values().removeIf(similarity -> similarity < config.threshold());
        return groupVerdict(groups, exactGroup, rank, known);
    }

    /**
     * The members of {@code source} whose similarity to {@code fingerprint} reaches the threshold, most similar first
     * (ties: smaller id first); the exact twin with similarity 1. {@code verification} may be null: estimates only.
     */
    public List<DedupIndex.Match> matches(Fingerprint fingerprint, Verification verification, DedupCandidates source) {
        requireSize(fingerprint);
        if (fingerprint.signature().isEmpty()) {
            return List.of();
        }
        DedupCandidates.Found candidates = source.lookup(fingerprint.exactKey(),
                config.bandKeys(fingerprint.signature()));
        List<DedupIndex.Match> near = new ArrayList<>();
        for (Scored s : scored(candidates.sharingBands(), fingerprint.signature(), verification)) {
            near.add(new DedupIndex.Match(s.member().id(), s.member().canonicalId(), s.similarity()));
        }
        Optional<DedupCandidates.Member> exact = candidates.exactTwin();
        if (exact.isPresent() && near.stream().noneMatch(m -> m.id() == exact.get().id())) {
            near.add(0, new DedupIndex.Match(exact.get().id(), exact.get().canonicalId(), 1.0));
        }
        return List.copyOf(near);
    }

    private record Scored(DedupCandidates.Member member, double similarity) {
    }

    /** The candidates at or above the threshold, most similar first, then smaller id. */
    private List<Scored> scored(List<DedupCandidates.Member> candidates, MinHashSignature signature,
                                Verification verification) {
        double floor = verification == null ? config.threshold() : config.threshold() - config.verifyMargin();
        double ceiling = config.threshold() + config.verifyMargin();
        List<Scored> found = new ArrayList<>();
        for (DedupCandidates.Member m : candidates) {
            double similarity = estimate(m.signature(), signature);
            if (verification != null && similarity >= floor && similarity < ceiling) {
                similarity = verification.similarity(m.id()).orElse(similarity);
            }
            if (similarity >= config.threshold()) {
                found.add(new Scored(m, similarity));
            }
        }
        found.sort(Comparator.comparingDouble(Scored::similarity).reversed()
                .thenComparingLong(s -> s.member().id()));
        return found;
    }

    /** Estimated similarity to {@code member}, verified exactly when near the threshold. */
    private double similarity(DedupCandidates.Member member, MinHashSignature signature, Verification verification) {
        double similarity = estimate(member.signature(), signature);
        if (verification != null && Math.abs(similarity - config.threshold()) < config.verifyMargin()) {
            similarity = verification.similarity(member.id()).orElse(similarity);
        }
        return similarity;
    }

    /** Fraction of equal positions (an empty signature is never a candidate, so no special case). */
    private static double estimate(MinHashSignature a, MinHashSignature b) {
        int n = a.size();
        int equal = 0;
        for (int i = 0; i < n; i++) {
            if (a.at(i) == b.at(i)) {
                equal++;
            }
        }
        return (double) equal / n;
    }

    /**
     * Among the groups whose canonical the new text matches ({@code groups}: canonical id → similarity): join the
     * one with the best canonical, unless the new text ranks better than all of them, in which case it supersedes
     * them all (their groups merge under it).
     */
    private static DedupVerdict groupVerdict(Map<Long, Double> groups, long exactGroup, CanonicalRank rank,
                                             Map<Long, DedupCandidates.Member> known) {
        if (groups.isEmpty()) {
            return new DedupVerdict.Unique();
        }
        long best = -1;
        for (Map.Entry<Long, Double> group : groups.entrySet()) {
            if (best < 0) {
                best = group.getKey();
                continue;
            }
            int order = compare(known.get(group.getKey()), known.get(best));
            if (order < 0 || (order == 0 && group.getValue() > groups.get(best))) {
                best = group.getKey();
            }
        }
        DedupVerdict.Kind kind = best == exactGroup ? DedupVerdict.Kind.EXACT : DedupVerdict.Kind.NEAR;
        if (CanonicalRank.BEST_FIRST.compare(rank, known.get(best).rank()) < 0) {
            return new DedupVerdict.Supersedes(List.copyOf(groups.keySet()), best, kind, groups.get(best));
        }
        return new DedupVerdict.DuplicateOf(best, best, kind, groups.get(best));
    }

    private static int compare(DedupCandidates.Member a, DedupCandidates.Member b) {
        int order = CanonicalRank.BEST_FIRST.compare(a.rank(), b.rank());
        return order != 0 ? order : Long.compare(a.id(), b.id());
    }

    private void requireSize(Fingerprint fingerprint) {
        if (fingerprint.signature().size() != config.numHashes()) {
            throw new IllegalArgumentException("signature has " + fingerprint.signature().size()
                    + " hashes, the index expects " + config.numHashes());
        }
    }
}
