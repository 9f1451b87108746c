package io.huixun.text.repair;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes HTML character references left in Chinese text by a careless scraper: {@code 中&amp;美} → {@code 中&美},
 * {@code &#20013;} → {@code 中}. Only lines with Han characters are touched, and only well-formed references with a
 * known name or a valid code point, so {@code AT&T} and English text stay as they are.
 */
final class EntityDecoder implements Fixer {
    private static final Pattern REFERENCE = Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("middot", "·"),
            Map.entry("bull", "•"), Map.entry("times", "×"), Map.entry("divide", "÷"), Map.entry("deg", "°"),
            Map.entry("yen", "¥"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("ensp", " "), Map.entry("emsp", " "), Map.entry("thinsp", " "), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("plusmn", "±"), Map.entry("permil", "‰"));

    @Override
    public void find(String line, List<Replacement> out) {
        if (line.indexOf('&') < 0 || !hasHan(line)) {
            return;
        }
        Matcher m = REFERENCE.matcher(line);
        while (m.find()) {
            String text = null;
            if (m.group(3) != null) {
                text = NAMED.get(m.group(3));
            } else {
                int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                if (Character.isValidCodePoint(cp) && cp >= 0x20 && !Character.isSurrogate((char) Math.min(cp, 0xFFFF))
                        && (cp < 0x7F || cp >= 0xA0)) {
                    text = new String(Character.toChars(cp));
                }
            }
            if (text != null) {
                out.add(new Replacement(m.start(), m.end(), text, RepairKind.HTML_ENTITY, 1.0));
            }
        }
    }

    static boolean hasHan(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (CharClasses.isHan(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
