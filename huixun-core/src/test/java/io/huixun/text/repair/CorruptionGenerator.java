package io.huixun.text.repair;

import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Damages clean Chinese text the way the web does, reproducibly (a seeded {@link Random}), for tests and the repair
 * evaluation. Each {@link Damage} imitates one corruption at the byte level where it happens at the byte level:
 * misalignment replaces one byte of the GBK stream by {@code ?} and decodes the rest in step with the shifted pairs
 * (an invalid pair becomes one {@code ?}, as in the seed page); mojibake encodes UTF-8 and decodes it with the wrong
 * charset, as the wrong reader would. Not thread-safe (the Random); cheap to create.
 */
public final class CorruptionGenerator {
    /** The corruptions, one per fixer. */
    public enum Damage {
        SCRIPT, PINYIN, PUNCTUATION, WIDTH, LOST, INVISIBLE, ENTITY, MISALIGNMENT, MOJIBAKE_GBK, MOJIBAKE_CP1252,
        MOJIBAKE_DOUBLE,
        /** The text in traditional characters, Big5-encoded, one lead byte lost: Taiwan/Hong Kong pages. */
        MISALIGNMENT_BIG5,
        /** UTF-8 read as Big5. */
        MOJIBAKE_BIG5
    }

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final Random random;
    private final PinyinReadings readings = PinyinReadings.get();

    public CorruptionGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code text} with one damage. */
    public String damage(String text, Damage damage) {
        return switch (damage) {
            case SCRIPT -> ChineseConverter.of(ConversionConfig.S2T).convert(text);
            case PINYIN -> pinyin(text);
            case PUNCTUATION -> foldPunctuation(text);
            case WIDTH -> widen(text);
            case LOST -> lose(text);
            case INVISIBLE -> invisible(text);
            case ENTITY -> entities(text);
            case MISALIGNMENT -> misalign(text, GBK, DoubleByteCodec.GBK);
            case MISALIGNMENT_BIG5 -> misalign(ChineseConverter.of(ConversionConfig.S2T).convert(text), BIG5,
                    DoubleByteCodec.BIG5);
            case MOJIBAKE_GBK -> new String(text.getBytes(StandardCharsets.UTF_8), GBK);
            case MOJIBAKE_CP1252 -> cp1252(text);
            case MOJIBAKE_BIG5 -> new String(text.getBytes(StandardCharsets.UTF_8), BIG5);
            case MOJIBAKE_DOUBLE -> new String(new String(text.getBytes(StandardCharsets.UTF_8), GBK)
                    .getBytes(StandardCharsets.UTF_8), GBK);
        };
    }

    /**
     * Several damages at once, in the order they happen on the way from a site to us: the text-level ones (script,
     * pinyin, punctuation, width, lost characters, invisible characters, entities) first, then at most one of the
     * byte-level ones. The damages applied are added to {@code applied}.
     */
    public String mixed(String text, Set<Damage> applied) {
        List<Damage> textLevel = List.of(Damage.SCRIPT, Damage.PINYIN, Damage.PUNCTUATION, Damage.WIDTH, Damage.LOST,
                Damage.INVISIBLE, Damage.ENTITY);
        String s = text;
        for (Damage d : textLevel) {
            if (random.nextInt(3) == 0) {
                s = damage(s, d);
                applied.add(d);
            }
        }
        if (random.nextInt(3) == 0) {
            Damage d = random.nextBoolean() ? Damage.MISALIGNMENT : Damage.MOJIBAKE_GBK;
            s = damage(s, d);
            applied.add(d);
        }
        if (applied.isEmpty()) {
            s = damage(s, Damage.PINYIN);
            applied.add(Damage.PINYIN);
        }
        return s;
    }

    public static Set<Damage> none() {
        return EnumSet.noneOf(Damage.class);
    }

    /** {@code 当地} → {@code 当(dāng)地}: a reading after about one Han character in eight. */
    private String pinyin(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c);
            List<String> r = new ArrayList<>(readings.readings(c));
            if (!r.isEmpty() && random.nextInt(8) == 0 && (i + 1 >= text.length() || text.charAt(i + 1) != '(')) {
                r.sort(null);
                b.append('(').append(r.get(random.nextInt(r.size()))).append(')');
            }
        }
        return b.toString();
    }

    /** Full-width ，？！：；（） folded to ASCII, as a careless normaliser does. */
    private static String foldPunctuation(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append("，？！：；（）".indexOf(c) >= 0 ? (char) (c - 0xFEE0) : c);
        }
        return b.toString();
    }

    /** ASCII digits and letters made full-width. */
    private static String widen(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            b.append(alnum ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    /** One Han character between two others in about every sixty replaced by ?, U+FFFD or □. */
    private String lose(String text) {
        StringBuilder b = new StringBuilder(text);
        String markers = "?\uFFFD□";
        boolean any = false;
        for (int i = 1; i + 1 < b.length(); i++) {
            if (CharClasses.isHan(b.charAt(i - 1)) && CharClasses.isHan(b.charAt(i)) && CharClasses.isHan(b.charAt(i + 1))
                    && random.nextInt(60) == 0) {
                b.setCharAt(i, markers.charAt(random.nextInt(3)));
                any = true;
                i++;
            }
        }
        if (!any) {
            for (int i = 1; i + 1 < b.length(); i++) {
                if (CharClasses.isHan(b.charAt(i - 1)) && CharClasses.isHan(b.charAt(i))
                        && CharClasses.isHan(b.charAt(i + 1))) {
                    b.setCharAt(i, markers.charAt(random.nextInt(3)));
                    break;
                }
            }
        }
        return b.toString();
    }

    private String invisible(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            b.append(text.charAt(i));
            if (CharClasses.isHan(text.charAt(i)) && random.nextInt(25) == 0) {
                b.append(random.nextBoolean() ? '\u200B' : '\uFEFF');
            }
        }
        return b.toString();
    }

    private String entities(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“') {
                b.append("&ldquo;");
            } else if (c == '”') {
                b.append("&rdquo;");
            } else if (CharClasses.isHan(c) && random.nextInt(40) == 0) {
                b.append("&#").append((int) c).append(';');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * GBK (or Big5) bytes, the lead byte of one character in a long non-ASCII stretch replaced by {@code ?} (0x3F), decoded
     * in pairs from there: {@code 。”在传承} → {@code ?！痹趥…} until an ASCII byte brings the decoder back in step.
     */
    private String misalign(String text, Charset charset, DoubleByteCodec codec) {
        byte[] bytes = text.getBytes(charset);
        List<Integer> leads = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                run = 0;
                i++;
                continue;
            }
            run++;
            if (run >= 2 && i + 8 < bytes.length && (bytes[i + 2] & 0xFF) >= 0x80 && (bytes[i + 4] & 0xFF) >= 0x80) {
                leads.add(i);
            }
            i += 2;
        }
        if (leads.isEmpty()) {
            return lose(text);
        }
        int at = leads.get(random.nextInt(leads.size()));
        bytes[at] = '?';
        StringBuilder out = new StringBuilder();
        out.append(new String(bytes, 0, at, charset)).append('?');
        int i = at + 1;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                // back in step: decode the rest normally
                out.append(new String(bytes, i, bytes.length - i, charset));
                break;
            }
            if (i + 1 >= bytes.length) {
                out.append('?');
                break;
            }
            char c = codec.decode(b, bytes[i + 1] & 0xFF);
            out.append(c == 0 ? '?' : c);
            i += 2;
        }
        return out.toString();
    }

    /** UTF-8 read as cp1252, the five undefined bytes as their Latin-1 characters (as browsers and ftfy see them). */
    private static String cp1252(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(bytes.length);
        ByteArrayOutputStream one = new ByteArrayOutputStream(1);
        for (byte x : bytes) {
            int v = x & 0xFF;
            if (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D) {
                b.append((char) v);
            } else {
                one.reset();
                one.write(v);
                b.append(new String(one.toByteArray(), CP1252));
            }
        }
        return b.toString();
    }
}
