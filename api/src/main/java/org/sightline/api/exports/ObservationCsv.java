package org.sightline.api.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.analysis.BenchmarkComparisons;
import org.sightline.api.analysis.ComparisonMethod;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.access.Caller;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.ObservationQuery;

/**
 * The observations CSV of one question: every row from {@link ChunkedAnswers} (so from the privacy
 * engine, a chunk of areas at a time), in the fixed column order of {@link #columns}, each with its
 * comparison against a benchmark from {@link BenchmarkComparisons}. Memory holds one chunk of rows;
 * with QUINTILES, which must see every value before placing any, the rows wait in a
 * {@link SpillFile} and memory holds one number per released value.
 */
final class ObservationCsv {

    static final List<String> LEADING_COLUMNS = List.of("indicator_id", "indicator_name", "parent_code", "parent_name",
            "area_code", "area_name", "area_type");
    static final List<String> TRAILING_COLUMNS = List.of("period", "value", "lower_ci", "upper_ci", "lower_ci_99_8", "upper_ci_99_8",
            "count", "denominator", "disclosure_status", "value_note");
    static final List<String> COMPARISON_COLUMNS = List.of("benchmark_code", "benchmark_value", "comparison_method", "comparison",
            "quintile");

    private final IndicatorCatalogue indicators;
    private final AreaDirectory areas;
    private final BenchmarkComparisons comparisons;
    private final ChunkedAnswers answers;

    ObservationCsv(IndicatorCatalogue indicators, AreaDirectory areas, BenchmarkComparisons comparisons, ChunkedAnswers answers) {
        this.indicators = indicators;
        this.areas = areas;
        this.comparisons = comparisons;
        this.answers = answers;
    }

    /** The header: the leading columns, one column per breakdown type (in breakdown order), the trailing and comparison columns. */
    static List<String> columns(List<String> breakdown) {
        List<String> header = new ArrayList<>(LEADING_COLUMNS);
        header.addAll(breakdown);
        header.addAll(TRAILING_COLUMNS);
        header.addAll(COMPARISON_COLUMNS);
        return header;
    }

    /**
     * Does everything that can refuse the export - the indicator, the caller's access, the level,
     * the parameters, the benchmark - before a byte is written, so a refusal is an ordinary error
     * response rather than a broken file.
     *
     * @param benchmarkCode the benchmark area; null for the default (the country of the first area;
     *                      none for a NON_ADDITIVE indicator, whose values cannot be rolled up to one)
     */
    Export prepare(ObservationQuery query, String benchmarkCode, ComparisonMethod method, Caller caller) {
        StoredIndicator indicator = indicators.require(query.indicator());
        ChunkedAnswers.Chunks chunks = answers.start(query, caller);
        PublishedObservation first = chunks.firstRow();
        String benchmark = benchmarkCode != null ? benchmarkCode
                : first == null || indicator.definition().measureType() == MeasureType.NON_ADDITIVE ? null
                : comparisons.defaultBenchmark(first.area());
        BenchmarkComparisons.Comparer comparer = comparisons.comparer(query, benchmark, method, caller);
        return new Export(indicator, query.breakdown(), chunks, comparer);
    }

    /** A prepared export: the indicator (for the response headers) and the rows still to write. */
    final class Export {

        private final StoredIndicator indicator;
        private final List<String> breakdown;
        private final ChunkedAnswers.Chunks chunks;
        private final BenchmarkComparisons.Comparer comparer;

        private Export(StoredIndicator indicator, List<String> breakdown, ChunkedAnswers.Chunks chunks,
                       BenchmarkComparisons.Comparer comparer) {
            this.indicator = indicator;
            this.breakdown = breakdown;
            this.chunks = chunks;
            this.comparer = comparer;
        }

        StoredIndicator indicator() {
            return indicator;
        }

        /**
         * Writes the file (UTF-8 with a byte-order mark, so spreadsheet programs read accents
         * correctly), flushing after every chunk. Call once.
         */
        void writeTo(OutputStream out) throws IOException {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(columns(breakdown).toArray(String[]::new)).get());
            if (comparer.needsEveryRowFirst()) {
                writeAfterSeeingEveryRow(csv);
            } else {
                while (chunks.hasNext()) {
                    List<PublishedObservation> chunk = chunks.next();
                    Map<String, AreaRef> parents = parentsOf(chunk);
                    for (PublishedObservation row : chunk) {
                        List<Object> record = recordOf(row, parents);
                        record.addAll(comparisonOf(comparer.judge(row)));
                        csv.printRecord(record);
                    }
                    csv.flush();
                }
            }
            csv.close();
        }

        /** Parks each row with what judging it needs (group, value, count, denominator), then writes them judged. */
        private void writeAfterSeeingEveryRow(CSVPrinter csv) throws IOException {
            try (SpillFile spill = new SpillFile()) {
                while (chunks.hasNext()) {
                    List<PublishedObservation> chunk = chunks.next();
                    Map<String, AreaRef> parents = parentsOf(chunk);
                    for (PublishedObservation row : chunk) {
                        comparer.include(row);
                        List<Object> record = recordOf(row, parents);
                        record.addAll(List.of(BenchmarkComparisons.groupOf(row), blankIfNull(row.value()), blankIfNull(row.count()),
                                blankIfNull(row.denominator())));
                        spill.add(record);
                    }
                }
                Iterator<CSVRecord> parked = spill.records();
                int parkedFields = 4;
                while (parked.hasNext()) {
                    List<String> fields = parked.next().toList();
                    int n = fields.size() - parkedFields;
                    List<Object> record = new ArrayList<>(fields.subList(0, n));
                    record.addAll(comparisonOf(comparer.judge(fields.get(n), parseDouble(fields.get(n + 1)),
                            parseLong(fields.get(n + 2)), parseLong(fields.get(n + 3)))));
                    csv.printRecord(record);
                }
            }
        }

        private Map<String, AreaRef> parentsOf(List<PublishedObservation> chunk) {
            return chunk.isEmpty() ? Map.of() : areas.parents(chunk.stream().map(r -> r.area().code()).distinct().toList(), null);
        }

        private List<Object> recordOf(PublishedObservation row, Map<String, AreaRef> parents) {
            AreaRef parent = parents.get(row.area().code());
            List<Object> record = new ArrayList<>(LEADING_COLUMNS.size() + breakdown.size() + TRAILING_COLUMNS.size()
                    + COMPARISON_COLUMNS.size());
            record.addAll(List.of(indicator.id(), indicator.definition().title(),
                    parent == null ? "" : parent.code(), parent == null ? "" : parent.name(),
                    row.area().code(), row.area().name(), row.area().type()));
            row.characteristics().forEach(c -> record.add(c.label()));
            record.add(row.period().code());
            record.add(blankIfNull(row.value()));
            record.add(blankIfNull(row.lowerCI()));
            record.add(blankIfNull(row.upperCI()));
            record.add(row.interval998() == null ? "" : row.interval998().lower());
            record.add(row.interval998() == null ? "" : row.interval998().upper());
            record.add(blankIfNull(row.count()));
            record.add(blankIfNull(row.denominator()));
            record.add(row.disclosure().status().name());
            record.add(blankIfNull(row.disclosure().reason()));
            return record;
        }

        private List<Object> comparisonOf(BenchmarkComparisons.Verdict verdict) {
            return List.of(blankIfNull(comparer.benchmarkCode()),
                    verdict.benchmark() == null ? "" : blankIfNull(verdict.benchmark().value()),
                    comparer.method().name(), verdict.outcome().name(), blankIfNull(verdict.quintile()));
        }
    }

    private static Object blankIfNull(Object value) {
        return value == null ? "" : value;
    }

    private static Double parseDouble(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    private static Long parseLong(String text) {
        return text.isEmpty() ? null : Long.valueOf(text);
    }
}
