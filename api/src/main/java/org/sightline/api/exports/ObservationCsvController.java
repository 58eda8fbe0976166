package org.sightline.api.exports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.observations.ObservationService;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.api.security.CurrentCaller;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/observations.csv}: the GraphQL {@code observations} question as a CSV file
 * for spreadsheets, in a fixed Fingertips-like column order, with the licence and source in the
 * response headers. Values come from {@link ObservationService#answer}, so the CSV gets exactly
 * the privacy treatment the same caller gets over GraphQL. The file starts with a UTF-8
 * byte-order mark so spreadsheet programs read accents correctly.
 * <p>
 * Parameters: {@code indicator}; {@code codes} (comma-separated) or {@code level} with optional
 * {@code within}; {@code periods} (comma-separated codes) or {@code from}/{@code to} (default:
 * latest); {@code breakdown} (comma-separated type codes); {@code filter} as
 * {@code type:value1|value2}, repeatable.
 */
@RestController
class ObservationCsvController {

    static final List<String> LEADING_COLUMNS = List.of("indicator_id", "indicator_name", "parent_code", "parent_name",
            "area_code", "area_name", "area_type");
    static final List<String> TRAILING_COLUMNS = List.of("period", "value", "lower_ci", "upper_ci", "count", "denominator",
            "disclosure_status", "value_note");

    private final ObservationService observations;
    private final IndicatorCatalogue indicators;
    private final AreaDirectory areas;

    ObservationCsvController(ObservationService observations, IndicatorCatalogue indicators, AreaDirectory areas) {
        this.observations = observations;
        this.indicators = indicators;
        this.areas = areas;
    }

    @GetMapping(path = "/api/v1/observations.csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam String indicator,
                                                 @RequestParam(required = false) String codes,
                                                 @RequestParam(required = false) String within,
                                                 @RequestParam(required = false) String level,
                                                 @RequestParam(required = false) String periods,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String breakdown,
                                                 @RequestParam(required = false) List<String> filter,
                                                 HttpServletRequest request) {
        StoredIndicator stored = indicators.require(indicator);
        ObservationQuery query = new ObservationQuery(indicator,
                new AreaSelector(split(codes), within, level, null),
                PeriodSelector.of(null, split(periods).isEmpty() ? null : split(periods), from, to),
                split(breakdown), filters(filter));
        // Answered before the response starts, so a refusal is an ordinary error response, not a broken file.
        List<PublishedObservation> rows = observations.answer(query, CurrentCaller.of(request));
        Map<String, AreaRef> parents = areas.parents(rows.stream().map(r -> r.area().code()).distinct().toList(), null);
        List<StoredType> breakdownTypes = query.breakdown().stream()
                .map(code -> stored.characteristicTypes().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow())
                .toList();
        List<String> header = new ArrayList<>(LEADING_COLUMNS);
        breakdownTypes.forEach(t -> header.add(t.code()));
        header.addAll(TRAILING_COLUMNS);

        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                for (PublishedObservation row : rows) {
                    AreaRef parent = parents.get(row.area().code());
                    List<Object> record = new ArrayList<>(List.of(indicator, stored.definition().title(),
                            parent == null ? "" : parent.code(), parent == null ? "" : parent.name(),
                            row.area().code(), row.area().name(), row.area().type()));
                    row.characteristics().forEach(c -> record.add(c.label()));
                    record.add(row.period().code());
                    record.add(blankIfNull(row.value()));
                    record.add(blankIfNull(row.lowerCI()));
                    record.add(blankIfNull(row.upperCI()));
                    record.add(blankIfNull(row.count()));
                    record.add(blankIfNull(row.denominator()));
                    record.add(row.disclosure().status().name());
                    record.add(row.disclosure().reason() == null ? "" : row.disclosure().reason());
                    csv.printRecord(record);
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + indicator + ".csv\"")
                .header("X-Sightline-Source", ascii(stored.definition().source()))
                .header("X-Sightline-Licence", ascii(stored.definition().licence()))
                .body(body);
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

    private static Object blankIfNull(Object value) {
        return value == null ? "" : value;
    }

    /** HTTP header values must be ASCII; the full text is also in the indicator's metadata. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
