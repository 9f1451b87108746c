package io.huixun.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityRecognizerTest {
    private final EntityRecognizer recognizer = new EntityRecognizer();

    private Entities of(String text) {
        return recognizer.entities(recognizer.segment(text), text);
    }

    @Test
    void commonWordsAreNotPeople() {
        Entities e = of("该产品占比超过三成，占比逐年上升。企业应尽快完善实操流程，实操培训每周调整，周调一次。");
        assertThat(e.people()).doesNotContain("占比", "应尽", "实操", "周调");
    }

    @Test
    void realPeopleStay() {
        Entities e = of("外交部长王毅在阿拉木图会见哈萨克斯坦外长。王毅表示，双方合作成果丰硕。欧洲理事会主席科斯塔称，目前没有迹象。");
        assertThat(e.people()).contains("王毅");
        assertThat(e.places()).contains("阿拉木图");
    }

    @Test
    void numberedMeetingFragmentsAndDescriptionsAreNotOrganisations() {
        Entities e = of("十四届全国人大常委会第十五次会议在京举行，第十五次会议听取报告。地方政府和合资公司参加，地方政府表示支持。");
        assertThat(e.organisations()).noneMatch(o -> o.startsWith("第") || o.equals("地方政府") || o.equals("合资公司"));
    }

    @Test
    void aPlaceBeforeAnOrganisationIsPartOfItsName() {
        assertThat(NamePlausibility.plausibleOrganisation("上海古籍出版社")).isTrue();
        assertThat(NamePlausibility.plausibleOrganisation("第十五次会")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("健康发展研究中心")).isFalse();
        assertThat(NamePlausibility.plausiblePlace("的城市")).isFalse();
        assertThat(NamePlausibility.plausiblePlace("以色列")).isTrue();
    }

    @Test
    void surnamePlusOneCharacterNeedsATitleAVerbOrAList() {
        String road = "这条路平整宽阔，路平了，车也多了。";
        assertThat(NamePlausibility.plausiblePerson("路平", road)).isFalse();
        assertThat(NamePlausibility.plausiblePerson("路平", "本台记者路平报道。")).isTrue();
        assertThat(of("王小明、刘建、陈立出席会议。刘建介绍了情况。").people()).contains("刘建");
    }

    @Test
    void namesWithoutASurnameMustBeTransliterations() {
        assertThat(NamePlausibility.plausiblePerson("奥巴马", "美国前总统奥巴马表示，")).isTrue();
        assertThat(NamePlausibility.plausiblePerson("届政府", "本届政府表示，")).isFalse();
        assertThat(NamePlausibility.plausiblePerson("奥巴马", "奥巴马式的演讲")).isFalse(); // no cue at all
    }

    @Test
    void kindsLevelsAndGrammarAreNotOrganisationNames() {
        assertThat(NamePlausibility.plausibleOrganisation("电动车合资公司")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("长安福特合资公司")).isTrue();
        assertThat(NamePlausibility.plausibleOrganisation("县委县政府")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("财政部政府")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("有限公司工会")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("农村政府")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("投资及运营公司")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("以色列航空公司")).isTrue();
        assertThat(NamePlausibility.plausibleOrganisation("全市运动会")).isFalse();
        assertThat(NamePlausibility.plausibleOrganisation("中国红十字会")).isTrue();
    }

    @Test
    void companiesFromTheCustomDictionaryUnlessOrdinaryWords() {
        assertThat(NamePlausibility.brand("宝马")).isTrue();
        assertThat(NamePlausibility.brand("吉利")).isFalse(); // also an adjective
        assertThat(NamePlausibility.commonWord("市场")).isTrue();
        assertThat(NamePlausibility.commonWord("阿根廷")).isFalse();
    }
}
