package io.huixun.nlp;

/** A coarse news category, chosen by {@link Categorizer}. Labels are what the UI shows. */
public enum Category {
    POLITICS("时政"), INTERNATIONAL("国际"), ECONOMY("经济"), TECHNOLOGY("科技"), SOCIETY("社会"),
    CULTURE("文化"), SPORTS("体育"), HEALTH("健康"), ENVIRONMENT("环境"), MILITARY("军事"), OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The Chinese label, e.g. 国际. */
    public String label() {
        return label;
    }
}
