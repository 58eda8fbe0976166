package org.sightline.domain.observation;

import java.util.List;

/**
 * Which areas a question is about: explicit {@code codes}; or every area of type {@code level}
 * inside {@code within} (or everywhere when {@code within} is absent); or a custom geography.
 * Exactly one form must be used.
 */
public record AreaSelector(List<String> codes, String within, String level, String customGeography) {

    public AreaSelector {
        codes = codes == null ? List.of() : codes.stream().map(String::strip).distinct().toList();
        within = blankToNull(within);
        level = blankToNull(level);
        customGeography = blankToNull(customGeography);
        int forms = (codes.isEmpty() ? 0 : 1) + (level != null || within != null ? 1 : 0) + (customGeography != null ? 1 : 0);
        if (forms != 1) {
            throw new InvalidQueryException(
                    "areas must give exactly one of: codes; level (optionally with within); customGeography");
        }
        if (within != null && level == null) {
            throw new InvalidQueryException("areas.within '" + within + "' needs a level, e.g. level: \"ward\"");
        }
    }

    public static AreaSelector codes(List<String> codes) {
        return new AreaSelector(codes, null, null, null);
    }

    public static AreaSelector within(String within, String level) {
        return new AreaSelector(null, within, level, null);
    }

    public boolean byCodes() {
        return !codes.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
