package io.huixun.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dateline that opens a Chinese news report: who reports, from where, on which day, and by which reporters.
 * Extraction reads it for the byline (agency as source, reporters as author); understanding shows it above the body
 * and leaves it out of the summary. Example: {@code 新华社北京4月27日电（记者杨维汉、罗沙）} read on 2025-04-28 →
 * agency 新华社, place 北京, date 2025-04-27, reporters [杨维汉, 罗沙]. Parsed by {@code extract.DatelineParser}.
 *
 * @param text      the dateline as printed, with the reporter credit when one follows it
 *                  ({@code 新华社北京4月27日电（记者杨维汉、罗沙）}); the credit is then its last parenthesis
 * @param start     offset of {@code text} in the text it was read from (UTF-16 units)
 * @param agency    the agency or outlet ({@code 新华社}, {@code 本报}); empty when the dateline names none
 * @param place     the place ({@code 北京}); empty when none is given
 * @param date      the day, a yearless {@code 4月27日} placed against the reference date the parser was given;
 *                  empty when none is printed or it is impossible ({@code 2月30日})
 * @param reporters the reporters named in the credit ({@code 杨维汉}, {@code 罗沙}); empty when none
 */
public record Dateline(String text, int start, Optional<String> agency, Optional<String> place,
                       Optional<LocalDate> date, List<String> reporters) {
    public Dateline {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(date, "date");
        reporters = List.copyOf(reporters);
    }
}
