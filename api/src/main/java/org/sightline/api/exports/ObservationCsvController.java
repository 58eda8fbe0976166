package org.sightline.api.exports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sightline.api.analysis.BenchmarkComparisons;
import org.sightline.api.analysis.ComparisonMethod;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.security.CurrentCaller;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sightline.api.releases.ReleaseIds;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/observations.csv}: the GraphQL {@code observations} question as an RFC 4180
 * CSV file (UTF-8 with a byte-order mark) for spreadsheets, with the licence and source in the
 * response headers ({@code X-Sightline-Licence}, {@code X-Sightline-Source}). Values come from
 * {@link ObservationService#answer}, a chunk of areas at a time ({@link ChunkedAnswers}), so the
 * CSV gets exactly the privacy treatment the same caller gets over GraphQL and a region's
 * thousands of rows stream through bounded memory. Refusals happen before the first byte (ordinary
 * 4xx responses); a failure after that (e.g. a privacy budget running out half-way) aborts the
 * connection, so a truncated download never looks complete.
 * <p>
 * Parameters: {@code indicator}; {@code codes} (comma-separated), {@code level} with optional
 * {@code within}, or {@code customGeography}; {@code periods} (comma-separated codes) or {@code from}/{@code to} (default:
 * latest); {@code breakdown} (comma-separated type codes); {@code filter} as
 * {@code type:value1|value2}, repeatable; {@code benchmark} (area code; default the country of the
 * first area, none for NON_ADDITIVE indicators) and {@code comparison} (CI_OVERLAP_95 (default),
 * CI_OVERLAP_99_8 or QUINTILES), as GraphQL {@code compare} takes them. An export may have at most
 * {@code sightline.exports.max-cells} rows ({@link ExportSize}, checked before anything is answered).
 * <p>
 * Columns, always in this order: {@code indicator_id, indicator_name, parent_code, parent_name,
 * area_code, area_name, area_type}, one column per breakdown type named by its code (holding the
 * value's label, in breakdown order), {@code period, value, lower_ci, upper_ci, lower_ci_99_8, upper_ci_99_8, count,
 * denominator, disclosure_status, value_note}, then the comparison: {@code benchmark_code,
 * benchmark_value, comparison_method, comparison} (BETTER, SIMILAR, WORSE, HIGHER, LOWER or
 * NOT_COMPARED, as {@code compare} says) and {@code quintile} (QUINTILES only). Rows are in area
 * code order, then period, then breakdown order. Blank cells are nulls: withheld or not defined.
 */
@RestController
class ObservationCsvController {

    private final ObservationCsv csv;
    private final ExportSize size;
    private final IndicatorCatalogue indicators;

    ObservationCsvController(ObservationService observations, IndicatorCatalogue indicators, Indicators indicatorRows,
                             AreaDirectory areas, BenchmarkComparisons comparisons, ExportSettings settings) {
        this.indicators = indicators;
        this.csv = new ObservationCsv(indicators, areas, comparisons,
                new ChunkedAnswers(areas, observations::answer, settings.areasPerChunk()));
        this.size = new ExportSize(areas, indicatorRows, settings.maxCells());
    }

    @GetMapping(path = "/api/v1/observations.csv")
    void export(@RequestParam String indicator,
                @RequestParam(required = false) String codes,
                @RequestParam(required = false) String within,
                @RequestParam(required = false) String level,
                @RequestParam(required = false) String customGeography,
                @RequestParam(required = false) String periods,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String breakdown,
                @RequestParam(required = false) List<String> filter,
                @RequestParam(required = false) String benchmark,
                @RequestParam(required = false) String comparison,
                @RequestParam(required = false) String asOf,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObservationQuery query = new ObservationQuery(indicator,
                new AreaSelector(split(codes), within, level, customGeography),
                PeriodSelector.of(null, split(periods).isEmpty() ? null : split(periods), from, to),
                split(breakdown), filters(filter), asOf == null || asOf.isBlank() ? null : ReleaseIds.parse(asOf));
        size.require(indicators.require(indicator), query);
        ObservationCsv.Export export = csv.prepare(query, blankToNull(benchmark), ComparisonMethod.parse(comparison),
                CurrentCaller.of(request));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii(indicator).replace('"', '_') + ".csv\"");
        response.setHeader("X-Sightline-Source", ascii(export.indicator().definition().source()));
        response.setHeader("X-Sightline-Licence", ascii(export.indicator().definition().licence()));
        export.writeTo(response.getOutputStream());
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<CharacteristicFilter> filters(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<CharacteristicFilter> filters = new ArrayList<>();
        for (String f : raw) {
            int colon = f.indexOf(':');
            if (colon < 1) {
                throw new InvalidQueryException("filter '" + f + "' must look like type:value or type:value1|value2");
            }
            filters.add(new CharacteristicFilter(f.substring(0, colon), List.of(f.substring(colon + 1).split("\\|"))));
        }
        return filters;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** HTTP header values must be ASCII; the full text is also in the indicator's metadata. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
