package io.huixun.extract;

import java.time.ZonedDateTime;

/**
 * A time written in a text.
 *
 * @param time      the time, in the options' default zone unless the text gave an offset
 * @param start     UTF-16 offset of the first char of the mention in the text it was found in
 * @param end       UTF-16 offset just after the mention
 * @param precision how much of the time the text gave
 * @param explicitYear false when the year was inferred from "now" ({@code 4月27日}, {@code 3小时前})
 */
record TimeMention(ZonedDateTime time, int start, int end, Precision precision, boolean explicitYear) {
    enum Precision { MONTH, DAY, MINUTE }
}
