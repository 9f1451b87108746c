package io.huixun.nlp;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a coarse category from cue words: each category has a small lexicon; a cue in the title counts three
 * times, one in the body once; the best-scoring category wins if it has at least {@value #MIN_SCORE} points,
 * otherwise {@link Category#OTHER}. Simple and explainable; good enough to filter a front page.
 * Example: {@code 外交部长王毅同哈萨克斯坦外长会谈} → INTERNATIONAL. Thread-safe.
 */
final class Categorizer {
    static final int MIN_SCORE = 3;
    private static final Map<Category, List<String>> CUES = new EnumMap<>(Category.class);

    static {
        CUES.put(Category.INTERNATIONAL, List.of("外长", "外交", "总统", "总理", "联合国", "大使", "双边", "会晤",
                "国际", "峰会", "访问", "美方", "俄罗斯", "乌克兰", "欧盟", "美国", "日本", "中东", "巴勒斯坦", "以色列"));
        CUES.put(Category.POLITICS, List.of("中共中央", "国务院", "政治局", "全国人大", "政协", "党中央", "习近平",
                "总书记", "党的", "干部", "主席", "会议精神", "改革", "法治", "纪委"));
        CUES.put(Category.ECONOMY, List.of("经济", "贸易", "投资", "市场", "企业", "增长", "消费", "金融", "关税",
                "出口", "进口", "产业", "银行", "GDP", "股市", "物价", "就业"));
        CUES.put(Category.TECHNOLOGY, List.of("科技", "技术", "人工智能", "芯片", "卫星", "航天", "科研", "创新",
                "数字化", "互联网", "5G", "量子", "火箭", "实验室"));
        CUES.put(Category.SOCIETY, List.of("群众", "社区", "居民", "交通", "事故", "警方", "民生", "养老", "教育",
                "学校", "学生", "住房", "救援", "法院"));
        CUES.put(Category.CULTURE, List.of("文化", "文艺", "电影", "博物馆", "非遗", "旅游", "文物", "艺术", "演出",
                "传统", "考古"));
        CUES.put(Category.SPORTS, List.of("比赛", "冠军", "奥运", "体育", "运动员", "联赛", "足球", "篮球", "金牌",
                "世界杯", "赛事"));
        CUES.put(Category.HEALTH, List.of("疫情", "医疗", "医院", "病例", "疫苗", "健康", "卫生", "患者", "医保",
                "药品", "病毒"));
        CUES.put(Category.ENVIRONMENT, List.of("生态", "环境", "污染", "碳", "气候", "绿色", "降雨", "暴雨", "气象",
                "森林", "长江", "黄河", "洪水", "地震"));
        CUES.put(Category.MILITARY, List.of("军队", "解放军", "国防", "部队", "军事", "演习", "舰", "导弹", "官兵"));
    }

    Category categorize(String title, String body) {
        Category best = Category.OTHER;
        int bestScore = MIN_SCORE - 1;
        for (Map.Entry<Category, List<String>> e : CUES.entrySet()) {
            int score = 0;
            for (String cue : e.getValue()) {
                score += 3 * occurrences(title, cue) + Math.min(5, occurrences(body, cue));
            }
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    private static int occurrences(String text, String cue) {
        int n = 0;
        for (int i = text.indexOf(cue); i >= 0; i = text.indexOf(cue, i + cue.length())) {
            n++;
        }
        return n;
    }
}
