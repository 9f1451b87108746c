package io.huixun.text.repair;

import io.huixun.text.TextFold;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;

/**
 * Character classes the fixers share, and character-level script conversion for scoring (the simplified fold is
 * {@link TextFold#simplified(char)}). Immutable tables.
 */
final class CharClasses {
    private static final char[] S2T = ChineseConverter.of(ConversionConfig.S2T).charTable();

    private CharClasses() {}

    static boolean isHan(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
                || c == '〇';
    }

    /** Full-width and CJK punctuation that belongs to Chinese running text. */
    static boolean isCjkPunct(char c) {
        return (c >= 0x3000 && c <= 0x303F && c != 0x3000) || c == '“' || c == '”' || c == '‘' || c == '’'
                || c == '—' || c == '…' || c == '·' || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)
                || c == '（' || c == '）';
    }

    static boolean isChinese(char c) {
        return isHan(c) || isCjkPunct(c);
    }

    static boolean isKanaOrHangul(char c) {
        return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F)
                || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
    }

    /**
     * Whether the line is Japanese or Korean: the Chinese-only fixers leave it alone. Any hangul, or kana making up
     * a tenth of the kana and Han characters; a lone ィ among Han characters is GBK misalignment debris, not Japanese.
     */
    static boolean isJapaneseOrKorean(CharSequence line) {
        int kana = 0;
        int han = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) {
                return true;
            }
            if (isKanaOrHangul(c)) {
                kana++;
            } else if (isHan(c)) {
                han++;
            }
        }
        return kana > 0 && kana * 10 >= kana + han && (kana >= 2 || han <= 2);
    }

    static char toSimplified(char c) {
        return TextFold.simplified(c);
    }

    static char toTraditional(char c) {
        return S2T[c];
    }

    /** The character folded for scoring by the (simplified) model. */
    static String foldForModel(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(TextFold.simplified(s.charAt(i)));
        }
        return b.toString();
    }

    /** A letter of a pinyin syllable, also in its full-width form ({@code ｄāｎｇ}, after a width-widening pass). */
    static boolean isPinyinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'ａ' && c <= 'ｚ') || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê".indexOf(c) >= 0;
    }

    static boolean isOpenParen(char c) {
        return c == '(' || c == '（';
    }

    static boolean isCloseParen(char c) {
        return c == ')' || c == '）';
    }

    /** Full-width Latin letters folded to ASCII. */
    static String narrow(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'ａ' && c <= 'ｚ' ? TextFold.width(c) : c);
        }
        return b.toString();
    }

    static boolean hasToneMark(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if ("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
