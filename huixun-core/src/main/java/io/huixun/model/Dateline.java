package io.huixun.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The dateline that opens a Chinese news report, e.g. {@code 新华社北京4月27日电（记者杨维汉、罗沙）}.
 *
 * @param text      the dateline as printed, up to and including {@code 电} or {@code 讯} (without the reporter part)
 * @param agency    the agency or outlet ({@code 新华社}); empty when the dateline names none
 * @param place     the place ({@code 北京}); empty when none is given
 * @param monthDay  month and day as printed ({@code 4月27日}); empty when none is given
 * @param reporters the reporters named in the parentheses after it ({@code 杨维汉、罗沙}); empty when none
 */
public record Dateline(String text, Optional<String> agency, Optional<String> place, Optional<String> monthDay,
                       Optional<String> reporters) {
    public Dateline {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(monthDay, "monthDay");
        Objects.requireNonNull(reporters, "reporters");
    }
}
