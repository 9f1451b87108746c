package io.huixun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which publication dates an article keeps: not one far in the future (a misread year, a placeholder), nor 1970's zero. */
class ArticlePreparerDateTest {
    @Test
    void aPublicationDateMoreThanADayAheadOfIngestionIsNotBelieved() {
        java.time.Instant now = java.time.Instant.parse("2026-12-04T08:00:00Z");
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        java.util.Optional<java.time.ZonedDateTime> placeholder = java.util.Optional.of(
                java.time.ZonedDateTime.of(2099, 1, 1, 0, 0, 0, 0, beijing));
        java.util.Optional<java.time.ZonedDateTime> laterToday = java.util.Optional.of(
                now.plus(java.time.Duration.ofHours(20)).atZone(beijing));
        java.util.Optional<java.time.ZonedDateTime> lastYear = java.util.Optional.of(
                java.time.ZonedDateTime.of(2025, 4, 26, 18, 30, 0, 0, beijing));
        assertThat(ArticlePreparer.believable(placeholder, now)).isEmpty();
        assertThat(ArticlePreparer.believable(laterToday, now)).isEqualTo(laterToday);
        assertThat(ArticlePreparer.believable(lastYear, now)).isEqualTo(lastYear);
        assertThat(ArticlePreparer.believable(java.util.Optional.empty(), now)).isEmpty();
        java.util.Optional<java.time.ZonedDateTime> zero = java.util.Optional.of(
                java.time.Instant.EPOCH.atZone(java.time.ZoneOffset.UTC));
        java.util.Optional<java.time.ZonedDateTime> zeroInBeijing = java.util.Optional.of(
                java.time.ZonedDateTime.of(1970, 1, 1, 8, 0, 0, 0, beijing));
        java.util.Optional<java.time.ZonedDateTime> nineties = java.util.Optional.of(
                java.time.ZonedDateTime.of(1998, 6, 1, 9, 0, 0, 0, beijing));
        assertThat(ArticlePreparer.believable(zero, now)).as("a feed's zero timestamp").isEmpty();
        assertThat(ArticlePreparer.believable(zeroInBeijing, now)).isEmpty();
        assertThat(ArticlePreparer.believable(nineties, now)).as("an old archive's date").isEqualTo(nineties);
    }
}
