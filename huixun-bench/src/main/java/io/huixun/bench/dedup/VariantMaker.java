package io.huixun.bench.dedup;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Makes the copies of a story that aggregators meet: traditional script, traditional with spam pinyin after
 * characters (as in the seed page: {@code 當(dāng)}), truncation, light edits, reordered paragraphs.
 */
final class VariantMaker {
    enum Kind { TRADITIONAL, PINYIN_SPAM, TRUNCATED, EDITED, REORDERED }

    /** Tone-marked syllables; which one follows a character does not matter to the normaliser. */
    private static final String[] SYLLABLES = ("dāng guó jīng jì fā zhǎn huì yì shí jiān wèn tí zhè gè men lái shuō "
            + "duì kāi guān mén dōng chē cháng mǎ shū xué xí jìn bù wéi xiàn dài huà qiáng zhōng huá rén mín").split(" ");

    private final Random random;
    private final ChineseConverter s2t = ChineseConverter.of(ConversionConfig.S2T);

    VariantMaker(long seed) {
        this.random = new Random(seed);
    }

    String make(Kind kind, String text) {
        return switch (kind) {
            case TRADITIONAL -> s2t.convert(text);
            case PINYIN_SPAM -> pinyinSpam(s2t.convert(text), 3 + random.nextInt(6));
            case TRUNCATED -> text.substring(0, (int) (text.length() * (0.5 + 0.45 * random.nextDouble()))) + "……";
            case EDITED -> lightEdit(text, 0.01 + 0.05 * random.nextDouble());
            case REORDERED -> reorder(text);
        };
    }

    private String pinyinSpam(String text, int every) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && random.nextInt(every) == 0) {
                out.append('(').append(SYLLABLES[random.nextInt(SYLLABLES.length)]).append(')');
            }
        }
        return out.toString();
    }

    /** Replaces, inserts or deletes about {@code rate} of the characters, using characters of the text itself. */
    private String lightEdit(String text, double rate) {
        StringBuilder out = new StringBuilder(text);
        int edits = Math.max(1, (int) (text.length() * rate));
        for (int e = 0; e < edits && out.length() > 1; e++) {
            int at = random.nextInt(out.length());
            char replacement = text.charAt(random.nextInt(text.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.setCharAt(at, replacement);
                case 1 -> out.insert(at, replacement);
                default -> out.deleteCharAt(at);
            }
        }
        return out.toString();
    }

    private String reorder(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n")));
        if (paragraphs.size() < 2) {
            return text;
        }
        List<String> original = List.copyOf(paragraphs);
        for (int tries = 0; tries < 5 && paragraphs.equals(original); tries++) {
            Collections.shuffle(paragraphs, random);
        }
        return String.join("\n", paragraphs);
    }
}
