package io.huixun.text.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Damages shipped clean paragraphs (Fuyao news, Apache-2.0) with the seeded generator and checks that repair removes
 * most of the damage, per kind and mixed: the small version of the repair evaluation in huixun-bench.
 */
class GeneratedCorruptionTest {
    private static final TextRepairer REPAIRER = TextRepairer.create(RepairOptions.DEFAULT);

    private static List<String> paragraphs() throws IOException {
        return TextRepairerTest.resource("fuyao-paragraphs.txt").lines().filter(s -> !s.isBlank()).toList();
    }

    @Test
    void eachDamageKindIsMostlyRepaired() throws IOException {
        List<String> clean = paragraphs();
        for (CorruptionGenerator.Damage damage : CorruptionGenerator.Damage.values()) {
            CorruptionGenerator generator = new CorruptionGenerator(42 + damage.ordinal());
            long before = 0;
            long after = 0;
            for (String paragraph : clean) {
                String damaged = generator.damage(paragraph, damage);
                before += EditDistance.of(damaged, paragraph);
                after += EditDistance.of(REPAIRER.repair(damaged).repaired(), paragraph);
            }
            assertThat(before).as(damage.name()).isPositive();
            // Lost characters come back only when the model is confident, double lossy mojibake rarely: both
            // must at least not get worse. Every other damage must mostly go.
            double bound = switch (damage) {
                case LOST, MOJIBAKE_DOUBLE, MOJIBAKE_BIG5 -> 1.0;
                default -> 0.25;
            };
            assertThat((double) after).as(damage + ": errors left " + after + " of " + before)
                    .isLessThanOrEqualTo(bound * before);
        }
    }

    @Test
    void mixedDamageIsRepairedToATenthOfTheErrors() throws IOException {
        CorruptionGenerator generator = new CorruptionGenerator(7);
        long before = 0;
        long after = 0;
        for (String paragraph : paragraphs()) {
            Set<CorruptionGenerator.Damage> applied = EnumSet.noneOf(CorruptionGenerator.Damage.class);
            String damaged = generator.mixed(paragraph, applied);
            before += EditDistance.of(damaged, paragraph);
            after += EditDistance.of(REPAIRER.repair(damaged).repaired(), paragraph);
        }
        assertThat((double) after).as("errors left " + after + " of " + before).isLessThanOrEqualTo(0.1 * before);
    }

    @Test
    void theGeneratorIsReproducible() throws IOException {
        String p = paragraphs().get(0);
        for (CorruptionGenerator.Damage d : CorruptionGenerator.Damage.values()) {
            assertThat(new CorruptionGenerator(1).damage(p, d)).isEqualTo(new CorruptionGenerator(1).damage(p, d));
        }
    }
}
