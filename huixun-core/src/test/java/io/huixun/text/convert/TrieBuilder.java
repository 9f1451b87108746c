package io.huixun.text.convert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Builds a {@link DoubleArrayTrie} from a sorted key → value map.
 *
 * <p>Keys are processed as ranges of the sorted key list: all keys in {@code [from, to)} share a prefix of length
 * {@code depth}, so the children of that trie node are the distinct characters at {@code depth} within the range.
 * Nodes are placed breadth first; for each node we look for the first {@code base} at which every child cell is
 * free (first-fit, starting from the first free cell, as in darts). Runs once per dictionary at build time.
 */
final class TrieBuilder {
    private char[] codeOf;
    private int[] base = new int[1 << 16];
    private int[] check = new int[1 << 16];
    private int[] valueOf = new int[1 << 16];
    private int firstFree = 1;
    private int size = 1;

    private record Node(int state, int depth, int from, int to) {}

    static DoubleArrayTrie build(SortedMap<String, String> entries) {
        return new TrieBuilder().run(entries);
    }

    private DoubleArrayTrie run(SortedMap<String, String> entries) {
        List<String> keys = new ArrayList<>(entries.size());
        StringBuilder pool = new StringBuilder();
        int[] valueStart = new int[entries.size() + 1];
        int maxKeyLength = 0;
        int v = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException("dictionary key must not be empty");
            }
            keys.add(e.getKey());
            valueStart[v++] = pool.length();
            pool.append(e.getValue());
            maxKeyLength = Math.max(maxKeyLength, e.getKey().length());
        }
        valueStart[v] = pool.length();
        codeOf = alphabet(keys);

        Arrays.fill(check, -1);
        Arrays.fill(valueOf, DoubleArrayTrie.NONE);
        check[0] = -2; // the root is used and has no parent
        ArrayDeque<Node> queue = new ArrayDeque<>();
        queue.add(new Node(0, 0, 0, keys.size()));
        while (!queue.isEmpty()) {
            place(queue.poll(), keys, queue);
        }
        int length = size + 1;
        char[] poolChars = new char[pool.length()];
        pool.getChars(0, pool.length(), poolChars, 0);
        return new DoubleArrayTrie(codeOf, Arrays.copyOf(base, length), Arrays.copyOf(check, length),
                Arrays.copyOf(valueOf, length), poolChars, valueStart, maxKeyLength);
    }

    private static char[] alphabet(List<String> keys) {
        TreeSet<Character> chars = new TreeSet<>();
        for (String k : keys) {
            for (int i = 0; i < k.length(); i++) {
                chars.add(k.charAt(i));
            }
        }
        char[] codeOf = new char[65536];
        char code = 1;
        for (char c : chars) {
            codeOf[c] = code++;
        }
        return codeOf;
    }

    private void place(Node node, List<String> keys, ArrayDeque<Node> queue) {
        int from = node.from();
        if (from == node.to()) {
            return; // an empty dictionary
        }
        if (keys.get(from).length() == node.depth()) {
            valueOf[node.state()] = from; // the shortest key of a range is the one ending here
            from++;
        }
        if (from == node.to()) {
            return;
        }
        List<int[]> children = new ArrayList<>(); // {code, from, to}
        int start = from;
        while (start < node.to()) {
            char c = keys.get(start).charAt(node.depth());
            int end = start + 1;
            while (end < node.to() && keys.get(end).charAt(node.depth()) == c) {
                end++;
            }
            children.add(new int[] {codeOf[c], start, end});
            start = end;
        }
        int b = findBase(children);
        base[node.state()] = b;
        for (int[] child : children) {
            int t = b + child[0];
            ensureCapacity(t + 1);
            check[t] = node.state();
            size = Math.max(size, t);
        }
        while (firstFree < check.length && check[firstFree] != -1) {
            firstFree++;
        }
        for (int[] child : children) {
            queue.add(new Node(b + child[0], node.depth() + 1, child[1], child[2]));
        }
    }

    private int findBase(List<int[]> children) {
        int firstCode = children.get(0)[0];
        for (int p = Math.max(firstFree, firstCode + 1); ; p++) {
            ensureCapacity(p + 1);
            if (check[p] != -1) {
                continue;
            }
            int b = p - firstCode;
            boolean fits = true;
            for (int[] child : children) {
                int t = b + child[0];
                ensureCapacity(t + 1);
                if (check[t] != -1) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                return b;
            }
        }
    }

    private void ensureCapacity(int n) {
        if (n <= check.length) {
            return;
        }
        int old = check.length;
        int grown = Math.max(n, old * 2);
        base = Arrays.copyOf(base, grown);
        check = Arrays.copyOf(check, grown);
        valueOf = Arrays.copyOf(valueOf, grown);
        Arrays.fill(check, old, grown, -1);
        Arrays.fill(valueOf, old, grown, DoubleArrayTrie.NONE);
    }
}
