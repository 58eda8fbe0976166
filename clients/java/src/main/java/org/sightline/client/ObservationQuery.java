package org.sightline.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A question about one indicator: which areas, which periods, broken down and filtered by which
 * characteristics. Immutable; every method returns a changed copy.
 *
 * <pre>{@code
 * ObservationQuery wards = ObservationQuery.of("demo-population")
 *         .within("Z08000001", "ward")      // every ward of Casterbridge
 *         .periods("2022", "2023")          // default: the latest period
 *         .breakdown("sex")                 // every other characteristic totalled
 *         .filter("age_band", "75+");
 * }</pre>
 *
 * The same question is asked over GraphQL ({@link SightlineClient#observations}) and as a CSV file
 * ({@link SightlineClient#exportCsv}).
 */
public final class ObservationQuery {

    private final String indicator;
    private final List<String> codes;
    private final String within;
    private final String level;
    private final String customGeography;
    private final List<String> periods;
    private final String from;
    private final String to;
    private final List<String> breakdown;
    private final Map<String, List<String>> filters;
    private final String asOf;

    private ObservationQuery(String indicator, List<String> codes, String within, String level, String customGeography,
                             List<String> periods, String from, String to, List<String> breakdown,
                             Map<String, List<String>> filters, String asOf) {
        this.indicator = Objects.requireNonNull(indicator, "indicator");
        this.codes = List.copyOf(codes);
        this.within = within;
        this.level = level;
        this.customGeography = customGeography;
        this.periods = List.copyOf(periods);
        this.from = from;
        this.to = to;
        this.breakdown = List.copyOf(breakdown);
        this.filters = Map.copyOf(filters);
        this.asOf = asOf;
    }

    /** A question about the indicator with this id; choose its areas with {@link #areas}, {@link #within} or {@link #level}. */
    public static ObservationQuery of(String indicator) {
        return new ObservationQuery(indicator, List.of(), null, null, null, List.of(), null, null, List.of(), new LinkedHashMap<>(), null);
    }

    /** These areas, by code (a custom geography's id is an area code too). */
    public ObservationQuery areas(String... areaCodes) {
        return areas(List.of(areaCodes));
    }

    /** These areas, by code. */
    public ObservationQuery areas(List<String> areaCodes) {
        return new ObservationQuery(indicator, areaCodes, within, level, customGeography, periods, from, to, breakdown, filters, asOf);
    }

    /** Every area of type {@code level} (e.g. {@code ward}) inside the area {@code parent}. */
    public ObservationQuery within(String parent, String level) {
        return new ObservationQuery(indicator, codes, parent, level, customGeography, periods, from, to, breakdown, filters, asOf);
    }

    /** Every area of type {@code level}. */
    public ObservationQuery level(String level) {
        return new ObservationQuery(indicator, codes, within, level, customGeography, periods, from, to, breakdown, filters, asOf);
    }

    /** The custom geography with this id (e.g. {@code custom-12}) as one area. */
    public ObservationQuery customGeography(String id) {
        return new ObservationQuery(indicator, codes, within, level, id, periods, from, to, breakdown, filters, asOf);
    }

    /** These periods, by code (e.g. {@code 2023}, {@code 2023/24}); default: the latest period with data. */
    public ObservationQuery periods(String... periodCodes) {
        return periods(List.of(periodCodes));
    }

    /** These periods, by code. */
    public ObservationQuery periods(List<String> periodCodes) {
        return new ObservationQuery(indicator, codes, within, level, customGeography, periodCodes, from, to, breakdown, filters, asOf);
    }

    /** Every period from {@code first} to {@code last} (either may be null for an open end). */
    public ObservationQuery periodsBetween(String first, String last) {
        return new ObservationQuery(indicator, codes, within, level, customGeography, periods, first, last, breakdown, filters, asOf);
    }

    /** Break down by these characteristic types (e.g. {@code sex}, {@code age_band}); every other type is totalled. */
    public ObservationQuery breakdown(String... types) {
        return breakdown(List.of(types));
    }

    /** Break down by these characteristic types. */
    public ObservationQuery breakdown(List<String> types) {
        return new ObservationQuery(indicator, codes, within, level, customGeography, periods, from, to, types, filters, asOf);
    }

    /** Only these values of a characteristic type (by code), e.g. {@code filter("sex", "F")}. */
    public ObservationQuery filter(String type, String... values) {
        return filter(type, List.of(values));
    }

    /** Only these values of a characteristic type. */
    public ObservationQuery filter(String type, List<String> values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(filters);
        changed.put(type, List.copyOf(values));
        return new ObservationQuery(indicator, codes, within, level, customGeography, periods, from, to, breakdown, changed, asOf);
    }

    /** The data as it stood once this release (an id from {@link SightlineClient#releases}) was published. */
    public ObservationQuery asOf(String releaseId) {
        return new ObservationQuery(indicator, codes, within, level, customGeography, periods, from, to, breakdown, filters, releaseId);
    }

    public String indicator() {
        return indicator;
    }

    public List<String> breakdown() {
        return breakdown;
    }

    /** The GraphQL {@code ObservationQuery} input object. */
    Map<String, Object> toGraphQl() {
        Map<String, Object> areas = new LinkedHashMap<>();
        putIf(areas, "codes", codes.isEmpty() ? null : codes);
        putIf(areas, "within", within);
        putIf(areas, "level", level);
        putIf(areas, "customGeography", customGeography);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("indicator", indicator);
        query.put("areas", areas);
        if (!periods.isEmpty() || from != null || to != null) {
            Map<String, Object> selector = new LinkedHashMap<>();
            putIf(selector, "codes", periods.isEmpty() ? null : periods);
            putIf(selector, "from", from);
            putIf(selector, "to", to);
            query.put("periods", selector);
        }
        putIf(query, "breakdown", breakdown.isEmpty() ? null : breakdown);
        if (!filters.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            filters.forEach((type, values) -> list.add(Map.of("type", type, "values", values)));
            query.put("filter", list);
        }
        putIf(query, "asOf", asOf);
        return query;
    }

    /** The query string of {@code GET /api/v1/observations.csv}, without the leading {@code ?}. */
    String toQueryString(String benchmark, ComparisonMethod comparison) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "indicator", indicator);
        add(parameters, "codes", codes.isEmpty() ? null : String.join(",", codes));
        add(parameters, "within", within);
        add(parameters, "level", level);
        add(parameters, "customGeography", customGeography);
        add(parameters, "periods", periods.isEmpty() ? null : String.join(",", periods));
        add(parameters, "from", from);
        add(parameters, "to", to);
        add(parameters, "breakdown", breakdown.isEmpty() ? null : String.join(",", breakdown));
        filters.forEach((type, values) -> add(parameters, "filter", type + ":" + String.join("|", values)));
        add(parameters, "asOf", asOf);
        add(parameters, "benchmark", benchmark);
        add(parameters, "comparison", comparison == null ? null : comparison.name());
        return String.join("&", parameters);
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return toGraphQl().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
