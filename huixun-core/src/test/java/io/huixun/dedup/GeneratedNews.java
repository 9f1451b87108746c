package io.huixun.dedup;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded random "articles" over a pool of common simplified characters, and the kinds of copies seen in the wild. */
final class GeneratedNews {
    /** Common simplified characters, many of which have a different traditional form. */
    private static final String POOL = "国经济发展会议时间问题这个们来说对开关门东车长马书学习进步为实现现代化强"
            + "中华人民共和务院总理记者报道新闻联播今天日本月年地区政府企业产业科技创新农业业绩医疗卫生教育"
            + "环境保护绿色能源电力交通铁路机场港口贸易投资金融银行市场价格消费需求增长质量安全生活水平"
            + "城乡建设乡村振兴文化体育旅游节庆活动举办参加代表团访问合作协议签署领导人会谈强调指出认为表示";
    private static final String[] PINYIN = {"dāng", "guó", "jīng", "jì", "fā", "zhǎn", "huì", "yì", "shí", "jiān"};

    private final Random random;

    GeneratedNews(long seed) {
        this.random = new Random(seed);
    }

    /** An article of {@code paragraphs} paragraphs of 60–160 characters, sentences ended by 。 and ，. */
    String article(int paragraphs) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            int length = 60 + random.nextInt(100);
            for (int i = 0; i < length; i++) {
                text.append(POOL.charAt(random.nextInt(POOL.length())));
                if (random.nextInt(18) == 0) {
                    text.append(random.nextBoolean() ? '，' : '。');
                }
            }
            text.append("。\n");
        }
        return text.toString();
    }

    static String traditional(String text) {
        return ChineseConverter.of(ConversionConfig.S2T).convert(text);
    }

    /** Puts a parenthesised pinyin after about one character in {@code every}. */
    String pinyinSpam(String text, int every) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && random.nextInt(every) == 0) {
                out.append('(').append(PINYIN[random.nextInt(PINYIN.length)]).append(')');
            }
        }
        return out.toString();
    }

    /** Replaces {@code edits} random characters with random pool characters. */
    String lightEdit(String text, int edits) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < edits; i++) {
            out.setCharAt(random.nextInt(out.length()), POOL.charAt(random.nextInt(POOL.length())));
        }
        return out.toString();
    }

    String reorderParagraphs(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n")));
        Collections.shuffle(paragraphs, random);
        return String.join("\n", paragraphs);
    }

    static String truncate(String text, double keep) {
        return text.substring(0, (int) (text.length() * keep)) + "…";
    }

    /** Full-width Latin and digits, as some portals print them. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
