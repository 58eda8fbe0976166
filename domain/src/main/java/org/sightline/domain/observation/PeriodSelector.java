package org.sightline.domain.observation;

import java.util.List;
import org.sightline.domain.time.Period;

/**
 * Which periods a question is about: the latest period with data (the default), explicit codes,
 * or a range {@code from}..{@code to} (inclusive, by start date; either end may be open).
 */
public record PeriodSelector(boolean latest, List<Period> codes, Period from, Period to) {

    public static final PeriodSelector LATEST = new PeriodSelector(true, List.of(), null, null);

    public PeriodSelector {
        codes = codes == null ? List.of() : List.copyOf(codes);
        int forms = (latest ? 1 : 0) + (codes.isEmpty() ? 0 : 1) + (from != null || to != null ? 1 : 0);
        if (forms > 1) {
            throw new InvalidQueryException("periods must give only one of: latest; codes; from/to");
        }
        if (forms == 0) {
            latest = true;
        }
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw new InvalidQueryException("periods.to '" + to.code() + "' is before periods.from '" + from.code() + "'");
        }
    }

    /** Builds a selector from raw codes as a caller typed them; invalid codes raise a clear error. */
    public static PeriodSelector of(Boolean latest, List<String> codes, String from, String to) {
        try {
            return new PeriodSelector(Boolean.TRUE.equals(latest),
                    codes == null ? List.of() : codes.stream().map(Period::parse).toList(),
                    from == null ? null : Period.parse(from),
                    to == null ? null : Period.parse(to));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }
}
