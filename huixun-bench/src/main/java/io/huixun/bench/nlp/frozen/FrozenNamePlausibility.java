package io.huixun.bench.nlp.frozen;

import io.huixun.nlp.Entities;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a name the HMM recognisers proposed is shaped like a name of its kind. The recognisers glue words
 * around a name or take a common word for one (应尽, 占比 as people; 第十五次会 as an organisation); these checks
 * come from how Chinese names are built, not from a list of seen mistakes:
 * <ul>
 *   <li>A name never starts with a grammatical word: a particle, preposition or conjunction (的, 对, 向, 而, 和), a
 *       numeral or quantifier (一, 两, 多, 数, 每, 各, 些), an ordinal (第) or a demonstrative (这, 那, 该, 其).
 *       {@code 的城市政府}, {@code 一场}, {@code 第十五次会} → rejected.</li>
 *   <li>A Han person's name is a surname (the common ones, {@link #SURNAMES}) and one or two given-name characters,
 *       and a given name never holds a grammatical character, a localiser, a measure word or a category word
 *       ({@code 都有}, {@code 向后}, {@code 索方}, {@code 戈谢病} → rejected; {@code 周调}: 调 is fine, but 周调 is
 *       also a dictionary word that is not a name → rejected).</li>
 *   <li>A transliterated name (no surname first: 科斯塔, 福特) is a person only when the dictionary says so or the
 *       text puts a person's title or a speech verb next to it ({@code 欧洲理事会主席科斯塔称} → kept; {@code
 *       包括通用、大众、福特} → rejected).</li>
 *   <li>An organisation ends with an institution's head word (部, 委员会, 公司, 大学 …) or is known to the
 *       dictionary as one, and is not a description: a head word after ordinary words only ({@code 地方政府},
 *       {@code 合资公司}, {@code 健康发展研究中心}) names no one; national names (国家/全国/中央/中国 …) and
 *       names with a place or a proper name inside are kept.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class FrozenNamePlausibility {
    private FrozenNamePlausibility() {}

    /** The commonest Han surnames (together they cover well over 90% of people). */
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            + "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
            + "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
            + "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
            + "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
            + "冀宿惠谈原闻贝戈";
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐",
            "慕容", "尉迟", "夏侯", "公孙", "长孙", "宇文", "司徒", "端木", "西门", "澹台", "呼延", "独孤");

    /** Characters a name never starts with: grammatical words, numerals, quantifiers, ordinals, demonstratives. */
    private static final String NEVER_FIRST = "的得了着过是在与及或而但对向从为把被将就都也还又再才所如若因由"
            + "两几数每各某些诸第这那该其另此";
    /**
     * Characters no given name holds: particles and auxiliaries, localisers (上下内外前后中里间方), measure words,
     * numerals, and category words that end the names of places, bodies and things (县市村省国军党部局式病性会).
     */
    private static final String NEVER_GIVEN = "的地得了着过是有在和与及或而但对向于从以为把被将就都也还又再才所们者"
            + "上下内外后里间方旁边个次名件条项种类些两几数多每各某这那该其此"
            + "县市村镇乡区省州党部局厅院处式性化病会湾街桥站港厂店业务费率量值线出进入回起人班";
    /** Words that stand next to a person: titles before, speech and meeting verbs after. */
    private static final Pattern PERSON_BEFORE = Pattern.compile(
            "(?:总统|主席|总理|首相|总裁|部长|外长|国王|女王|王储|秘书长|大使|议长|发言人|教授|博士|先生|女士|主任|董事长|"
            + "首席执行官|创始人|司令|将军|教练|队长|球员|选手|作家|导演|演员|歌手|记者|书记|省长|市长|州长|总督|总书记|"
            + "委员|院长|校长|专家|学者|经理|负责人|代表|特使|总干事|主教|大臣|领导人)$");
    private static final Pattern PERSON_AFTER = Pattern.compile(
            "^(?:说|表示|称|指出|认为|强调|介绍|透露|宣布|会见|会晤|会谈|致电|致信|说道|告诉|回忆|坦言|先生|女士|总统|主席|"
            + "总理|首相|教授|博士)");

    /** Head words that end institutions' names (longest first matters only for {@link #head}). */
    private static final Pattern ORGANISATION_HEAD = Pattern.compile(
            "(?:委员会|常委会|理事会|联合会|协会|学会|研究会|商会|工会|基金会|研究院|研究所|研究中心|科学院|中心|总局|"
            + "办公厅|办公室|总台|电视台|广播电台|通讯社|日报|报社|出版社|杂志社|书局|银行|公司|集团|大学|学院|学校|中学|"
            + "小学|医院|法院|检察院|政府|组织|联盟|机构|部|委|局|院|厅|署|社|党|军|队|所|馆|台|处|司|办|厂|站|会)$");
    /** Heads that say what an institution is, not which: preceded only by ordinary words they name no one. */
    private static final Pattern GENERIC_HEAD = Pattern.compile(
            "(?:政府|公司|企业|组织|机关|机构|部门|电台|中心|集团|厂|站|总局|研究院|研究所|委员会|联合会|协会|工会|学院|"
            + "学校|银行|医院)$");
    /** The prefixes of national and Party institutions' names: they make a name of ordinary words. */
    private static final Pattern NATIONAL = Pattern.compile("^(?:国家|全国|中央|中共|中国|中华|国务院|人民|最高|国际|世界)");
    private static final Pattern QUANTIFIED = Pattern.compile(
            "^(?:多家|多个|多名|几家|名|家[^乐]|一(?:个|些|家|级|场|批|种)|属|原属)|[的就都]|两党");
    /** Legal forms of registered companies: 半岛电力有限公司. */
    private static final Pattern REGISTERED = Pattern.compile("(?:股份有限公司|有限责任公司|有限公司|股份公司)$");

    static boolean plausiblePerson(String name, String text) {
        if (name.codePointCount(0, name.length()) < 2
                || NEVER_FIRST.indexOf(name.charAt(0)) >= 0 && SURNAMES.indexOf(name.charAt(0)) < 0) {
            return false;
        }
        if (known(name, "nr")) {
            return true;
        }
        int surname = COMPOUND_SURNAMES.stream().anyMatch(name::startsWith) ? 2
                : SURNAMES.indexOf(name.charAt(0)) >= 0 ? 1 : 0;
        if (surname > 0 && name.length() - surname <= 2 && name.length() > surname && name.indexOf('·') < 0) {
            for (int i = surname; i < name.length(); i++) {
                if (NEVER_GIVEN.indexOf(name.charAt(i)) >= 0) {
                    return false;
                }
            }
            if (CoreDictionary.get(name) != null) {
                return false; // 周调, 占比: an ordinary word the recogniser read as surname + given name
            }
            return !tailOfLongerName(name, text);
        }
        // transliterations and unusual surnames need the text's word for it, and must not be one part of a
        // hyphenated or dotted name (迪亚斯-卡内尔 → neither 迪亚斯 nor 卡内尔 alone)
        return hasPersonCue(name, text) && !partOfJoinedName(name, text);
    }

    /** A two-character "name" that is every time preceded by a surname is the end of a three-character one (张福海 → 福海). */
    private static boolean tailOfLongerName(String name, String text) {
        int seen = 0;
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            if (name.length() != 2 || i == 0 || SURNAMES.indexOf(text.charAt(i - 1)) < 0) {
                return false;
            }
            seen++;
        }
        return seen > 0;
    }

    private static boolean partOfJoinedName(String name, String text) {
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            int end = i + name.length();
            boolean joinedAfter = end + 1 < text.length() && "-－·•".indexOf(text.charAt(end)) >= 0
                    && Character.UnicodeScript.of(text.charAt(end + 1)) == Character.UnicodeScript.HAN;
            boolean joinedBefore = i >= 2 && "-－·•".indexOf(text.charAt(i - 1)) >= 0
                    && Character.UnicodeScript.of(text.charAt(i - 2)) == Character.UnicodeScript.HAN;
            if (!joinedAfter && !joinedBefore) {
                return false;
            }
        }
        return true;
    }

    /**
     * A place that, every time it occurs, is the start of a longer dictionary name of a place or an organisation
     * (哈萨克 in 哈萨克斯坦, 西北 in 西北工业大学) is a fragment of that name.
     */
    static boolean fragmentOfLongerName(String name, String text) {
        int seen = 0;
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            boolean extended = false;
            for (int end = i + name.length() + 1; end <= Math.min(text.length(), i + name.length() + 6); end++) {
                String longer = text.substring(i, end);
                if (known(longer, "ns") || known(longer, "nt")) {
                    extended = true;
                    break;
                }
            }
            if (!extended) {
                return false;
            }
            seen++;
        }
        return seen > 0;
    }

    static boolean hasPersonCue(String name, String text) {
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            if (hasPersonCueAt(text, i, i + name.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPersonCueAt(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 6), start);
        String after = text.substring(end, Math.min(text.length(), end + 4));
        return PERSON_BEFORE.matcher(before).find() || PERSON_AFTER.matcher(after).find();
    }

    static boolean plausiblePlace(String name, String text) {
        return plausiblePlace(name) && !fragmentOfLongerName(name, text);
    }

    static boolean plausiblePlace(String name) {
        if (NEVER_FIRST.indexOf(name.charAt(0)) >= 0 || name.startsWith("不少") || name.startsWith("一些")) {
            return false;
        }
        // 小城镇, 新城, 北京市城市: a generic settlement word describes, it does not name (白城市 is 白城 + 市)
        return !(name.length() > 3 && name.matches(".*(?:城市|城镇|国家|地区)$"))
                && !name.matches("^(?:新|小|大|老)(?:城|城镇|区)$");
    }

    static boolean plausibleOrganisation(String name) {
        if (NEVER_FIRST.indexOf(name.charAt(0)) >= 0 || QUANTIFIED.matcher(name).find()) {
            return false; // 多家银行, (十多)名黎真主党: a count of bodies, not one
        }
        java.util.regex.Matcher and = Pattern.compile("[和与及]").matcher(name);
        while (and.find()) {
            if (ORGANISATION_HEAD.matcher(name.substring(0, and.start())).find()) {
                return false; // 哈萨克斯坦政府和集安组织: two bodies (工业和信息化部 is one)
            }
        }
        boolean known = known(name, "nt") || known(name, "nz") && name.length() <= 4; // 华为; brands: 起亚, 大众
        if (!known && !ORGANISATION_HEAD.matcher(name).find()) {
            return false; // 全国两会, 可再生能源, 飞机就会: no institution's head word
        }
        if (known || NATIONAL.matcher(name).find()) {
            return true;
        }
        java.util.regex.Matcher registered = REGISTERED.matcher(name);
        if (registered.find()) { // a registered company's name: proper when it says more than its trade (投资有限公司)
            return words(name.substring(0, registered.start())) >= 2;
        }
        java.util.regex.Matcher generic = GENERIC_HEAD.matcher(name);
        if (generic.find()) {
            String modifier = name.substring(0, generic.start());
            return modifier.isEmpty() ? false : !ordinaryWords(modifier);
        }
        return true;
    }

    /** True when {@code s} splits into dictionary words none of which is a name (地方, 健康发展研究). */
    private static boolean ordinaryWords(String s) {
        int i = 0;
        while (i < s.length()) {
            int best = -1;
            for (int j = Math.min(s.length(), i + 6); j > i; j--) {
                CoreDictionary.Attribute a = CoreDictionary.get(s.substring(i, j));
                if (a != null && j - i > 1) {
                    for (Nature n : a.nature) {
                        String tag = n.toString();
                        if (tag.startsWith("nr") || tag.startsWith("ns") || tag.startsWith("nt") || tag.startsWith("nz")
                                || tag.equals("j")) {
                            return false; // a place, a name or an abbreviation inside: a proper name
                        }
                    }
                    best = j;
                    break;
                }
            }
            if (best < 0) {
                return false; // an unknown part: likely a proper name (泛亚, 奇瑞)
            }
            i = best;
        }
        return true;
    }

    /** How many dictionary words (or unknown runs) {@code s} splits into, longest match first. */
    private static int words(String s) {
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            int next = i + 1;
            for (int j = Math.min(s.length(), i + 6); j > i + 1; j--) {
                if (CoreDictionary.get(s.substring(i, j)) != null) {
                    next = j;
                    break;
                }
            }
            i = next;
            n++;
        }
        return n;
    }

    static boolean known(String word, String rolePrefix) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(word);
        if (attribute == null) {
            return false;
        }
        for (Nature nature : attribute.nature) {
            if (nature.toString().startsWith(rolePrefix)) {
                return true;
            }
        }
        return false;
    }
}
