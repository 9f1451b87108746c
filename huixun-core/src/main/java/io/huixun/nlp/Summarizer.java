package io.huixun.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Two or three lead sentences. News is written lead first, so the opening sentences (after the dateline) are the
 * best short summary in practice; a first sentence longer than the budget is cut at a comma and marked with …
 * Example: {@code 新华社北京4月27日电 国务院今天发布…。会议指出…。} → {@code 国务院今天发布…。会议指出…。}. Thread-safe.
 */
final class Summarizer {
    static final int MAX_CHARS = 160;
    static final int MAX_SENTENCES = 3;

    String summarize(String body, int skipPrefix) {
        String text = body.substring(Math.min(skipPrefix, body.length())).strip();
        text = text.replaceFirst("^[，,：:\\s]+", "");
        List<String> sentences = sentences(text);
        StringBuilder summary = new StringBuilder();
        for (String s : sentences) {
            if (summary.length() > 0 && (summary.length() + s.length() > MAX_CHARS
                    || summary.length() >= MAX_CHARS / 2 && countSentences(summary) >= 2)) {
                break;
            }
            summary.append(s);
            if (countSentences(summary) >= MAX_SENTENCES) {
                break;
            }
        }
        if (summary.length() > MAX_CHARS) {
            int cut = summary.lastIndexOf("，", MAX_CHARS);
            summary.setLength(cut > MAX_CHARS / 3 ? cut : MAX_CHARS);
            summary.append('…');
        }
        return summary.toString();
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '。' || c == '！' || c == '？' || c == '\n';
            if (end) {
                int stop = i + 1;
                while (stop < text.length() && (text.charAt(stop) == '”' || text.charAt(stop) == '’')) {
                    stop++;
                }
                String s = text.substring(start, c == '\n' ? i : stop).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                start = stop;
                i = stop - 1;
            }
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            out.add(text.substring(start).strip());
        }
        return out;
    }

    private static int countSentences(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？') {
                n++;
            }
        }
        return Math.max(n, s.length() > 0 ? 1 : 0);
    }
}
