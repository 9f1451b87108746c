package io.huixun.extract;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The news agencies and outlets whose name alone marks a dateline ({@code 新华社电}) or a source opening
 * ({@code 央视网消息}): the one list for datelines and bylines.
 *
 * <p>Names are written in simplified script, with the traditional spelling after a slash where {@link KeywordFold}
 * does not fold it ({@code 环球时报/環球時報}: 環 is not one of the folded keyword characters). Patterns match the
 * {@linkplain KeywordFold folded} text, so {@code 新華社} and {@code 新华社} are both known. A name that is a prefix of
 * another ({@code 央视} of {@code 央视网}) is tried after it. Immutable: safe to share between threads.
 */
final class NewsAgencies {
    private static final String NAMES = "新华社|中新社|中新网|新华网|人民网|央视网|央视新闻|央视|中国新闻网|中国日报网|中国日报"
            + "|人民日报|光明日报|经济日报/經濟日報|解放军报|中国青年报|法制日报|科技日报|工人日报|环球时报/環球時報"
            + "|环球网/環球網|澎湃新闻|界面新闻|财新网/財新網|财新/財新|新京报|北京日报|南方日报|南方都市报"
            + "|扬子晚报/揚子晚報|新民晚报|文汇报/文匯報|羊城晚报|参考消息/參考消息|中央社|路透社|法新社|美联社|共同社"
            + "|塔斯社|埃菲社|安莎社|韩联社/韓聯社|凤凰网|腾讯新闻/騰訊新聞|网易新闻|新浪新闻|搜狐新闻|今日头条/今日頭條"
            + "|光明网|中国网|中青网|东方网/東方網|大公报|文汇网/文匯網|联合早报|本报";
    /** Every spelling, folded, longest first. */
    private static final Set<String> FOLDED = Arrays.stream(NAMES.split("[|/]"))
            .map(KeywordFold::fold)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    /** A regular-expression alternation of the folded names, for patterns over folded text. */
    static final String ALTERNATION = FOLDED.stream().map(Pattern::quote).collect(Collectors.joining("|"));

    private NewsAgencies() {}

    /** Whether {@code folded} (a {@linkplain KeywordFold folded} name) is a known agency. */
    static boolean known(String folded) {
        return FOLDED.contains(folded);
    }

    /** The names as written in the list, simplified and traditional, for tests. */
    static Set<String> spellings() {
        return Arrays.stream(NAMES.split("[|/]")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
