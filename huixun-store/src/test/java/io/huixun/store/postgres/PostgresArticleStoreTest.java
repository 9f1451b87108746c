package io.huixun.store.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.store.StoreException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Opening problems a user meets before any PostgreSQL is involved: one clear line each (no server needed). */
class PostgresArticleStoreTest {

    @Test
    void aUrlThatIsNotJdbcIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> PostgresArticleStore.open("postgresql://db.example/huixun?password=secret"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("not a PostgreSQL JDBC URL")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anUnreachableServerFailsAfterTheRetryTimeWithOneLine() {
        PostgresOptions briefly = PostgresOptions.DEFAULT.withRetryFor(Duration.ofMillis(300));
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        assertThatThrownBy(() -> PostgresArticleStore.open("jdbc:postgresql://127.0.0.1:1/huixun?user=huixun", briefly))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:1/huixun")
                .hasMessageContaining("08001")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
