package io.huixun.nlp;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a news dateline says: who reports, from where, on which day, and by which reporters.
 * Example: {@code 新华社北京4月27日电（记者杨维汉、罗沙）} → agency 新华社, place 北京, date 4-27 of the reference year,
 * reporters [杨维汉, 罗沙].
 *
 * @param text  the dateline as it stands in the text
 * @param start offset of {@code text} in the analysed body (UTF-16 units)
 */
public record Dateline(String text, int start, Optional<String> agency, Optional<String> place,
                       Optional<LocalDate> date, List<String> reporters) {
    public Dateline {
        reporters = List.copyOf(reporters);
    }
}
