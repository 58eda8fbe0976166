package org.sightline.api.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.codelists.Codelists.CodelistValue;
import org.sightline.api.files.CsvInput;
import org.sightline.api.intake.IntakeDefinition.Column;
import org.sightline.api.intake.IntakeDefinition.Role;
import org.sightline.api.intake.IntakePlan.Slot;
import org.sightline.api.postcodes.PostcodeDirectory;
import org.sightline.api.postcodes.PostcodeDirectory.PostcodeAreas;
import org.sightline.api.postcodes.PostcodeKey;
import org.sightline.api.web.InvalidFileException;

/**
 * Reads a record file once and adds each record to the cells it counts in; nothing of a record
 * outlives the reading of its batch. Memory holds one counter array per distinct cell (area,
 * period, characteristic values), a batch of parsed records waiting for their postcodes, and a
 * bounded cache of postcode keys, so a million records never become a million objects.
 * <p>
 * Rules: a record with a data-quality problem (bad or future contact date, malformed or unknown
 * postcode, bad age or date of birth) is rejected and reported with its line, field and reason, and
 * the rest is counted. A local code the organisation has not mapped (and that is not a standard
 * code) is a configuration gap, never guessed: every such line is reported and the file is refused
 * whole. A blank coded value counts as the codelist's "not stated" value.
 */
final class RecordAggregator {

    static final int MAX_LISTED = 1_000;
    private static final int BATCH = 4_096;
    private static final int CACHE = 200_000;
    private static final PostcodeAreas NOT_FOUND = new PostcodeAreas(0, 0, null, null, false);
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** One cell: period (position), area id and the value id of each breakdown slot (0 when unused). */
    record Cell(int period, int area, int c1, int c2, int c3, int c4) {
    }

    /** The counts of the file: per cell, one count per indicator (the plan's order). */
    static final class Aggregate {
        final Map<Cell, int[]> cells = new HashMap<>();
        final List<String> periods = new ArrayList<>();
        final List<RecordError> rejections = new ArrayList<>();
        final List<RecordError> unmappedCodes = new ArrayList<>();
        final List<Long> unmatchedLines = new ArrayList<>();
        final List<Long> terminatedLines = new ArrayList<>();
        final List<String> ignoredColumns = new ArrayList<>();
        long read;
        long accepted;
        long rejected;
        long unmapped;
        long unmatched;
        long terminated;
        long needsBeyondBound;
        long[] unknown;
    }

    /** A parsed record waiting for its postcode: the postcode as a key only. */
    private record Pending(long line, long postcodeKey, int period, int[] values, boolean[] unknown, int[] needs, boolean multiple) {
    }

    private final IntakePlan plan;
    private final PostcodeDirectory directory;
    private final LocalDate today;
    private final Aggregate result = new Aggregate();
    private final Map<String, Integer> periodIndex = new HashMap<>();
    private final List<Pending> batch = new ArrayList<>(BATCH);
    private final Map<Long, PostcodeAreas> cache = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PostcodeAreas> eldest) {
            return size() > CACHE;
        }
    };

    RecordAggregator(IntakePlan plan, PostcodeDirectory directory, LocalDate today) {
        this.plan = plan;
        this.directory = directory;
        this.today = today;
        result.unknown = new long[plan.slots.size()];
    }

    Aggregate read(InputStream file) {
        IntakeDefinition definition = plan.definition;
        try (CSVParser parser = CsvInput.parse(file)) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            List<RecordError> missing = new ArrayList<>();
            for (Column c : definition.columns()) {
                if (c.role() != Role.IGNORE && !header.contains(c.name().strip())) {
                    missing.add(new RecordError(1, c.name(), null, "the intake's " + c.role() + " column is missing from the header"));
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidFileException("the header lacks columns the intake reads; nothing was counted", missing);
            }
            header.stream().filter(h -> definition.columns().stream().noneMatch(c -> c.name().strip().equals(h)))
                    .forEach(result.ignoredColumns::add);
            int date = header.indexOf(definition.column(Role.CONTACT_DATE).name().strip());
            int postcode = header.indexOf(definition.column(Role.POSTCODE).name().strip());
            int[] slotColumns = plan.slots.stream().mapToInt(s -> header.indexOf(s.column().name().strip())).toArray();
            int[] needColumns = definition.needColumns().stream().mapToInt(c -> header.indexOf(c.name().strip())).toArray();
            for (CSVRecord record : parser) {
                result.read++;
                if (!record.isConsistent()) {
                    // A cell too many or too few shifts every column after it: the row cannot be read safely.
                    reject(CsvInput.lineOf(record), "", CsvInput.cellCountProblem(record));
                    continue;
                }
                readRecord(record, CsvInput.lineOf(record), date, postcode, slotColumns, needColumns);
                if (batch.size() >= BATCH) {
                    flush();
                }
            }
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The parser's message can quote the file; say only where.
            throw new InvalidFileException("the file is not valid CSV after line " + (result.read + 1) + "; nothing was counted", List.of());
        }
        return result;
    }

    /** A row's first data-quality problem; the row's coded values are still checked for unmapped codes. */
    private record Problem(String field, String reason) {
    }

    private void readRecord(CSVRecord record, long line, int dateColumn, int postcodeColumn, int[] slotColumns, int[] needColumns) {
        IntakeDefinition definition = plan.definition;
        Problem problem = null;
        LocalDate contact = date(get(record, dateColumn));
        if (contact == null) {
            problem = new Problem(definition.column(Role.CONTACT_DATE).name(), "not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
        } else if (contact.isAfter(today)) {
            problem = new Problem(definition.column(Role.CONTACT_DATE).name(), "the contact date is in the future");
        }
        Optional<PostcodeKey> key = PostcodeKey.of(get(record, postcodeColumn));
        if (problem == null && key.isEmpty()) {
            problem = new Problem(definition.column(Role.POSTCODE).name(), get(record, postcodeColumn).isEmpty() ? "the postcode is blank"
                    : "not a postcode");
        }
        int[] values = new int[plan.slots.size()];
        boolean[] unknown = new boolean[plan.slots.size()];
        boolean gap = false;
        for (int i = 0; i < plan.slots.size(); i++) {
            Slot slot = plan.slots.get(i);
            String raw = get(record, slotColumns[i]);
            CodelistValue value = null;
            boolean age = slot.column().role() == Role.AGE || slot.column().role() == Role.DATE_OF_BIRTH;
            if (raw.isEmpty()) {
                value = slot.unknown().orElse(null);
                if (value == null && problem == null) {
                    problem = new Problem(slot.column().name(), "blank, and codelist '" + slot.codelist().type() + "' has no not-stated value");
                }
            } else if (age) {
                if (problem == null) {
                    String reason = contact == null ? null : ageProblem(slot, raw, contact);
                    if (reason != null) {
                        problem = new Problem(slot.column().name(), reason);
                    } else {
                        value = slot.band(age(slot.column(), raw, contact));
                    }
                }
            } else {
                value = slot.resolve(raw);
                if (value == null) {
                    unmapped(line, slot, raw);
                    gap = true;
                }
            }
            if (value != null) {
                values[i] = value.id();
                unknown[i] = value.isUnknown();
            }
        }
        List<Integer> needs = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int column : needColumns) {
            for (String code : get(record, column).split(java.util.regex.Pattern.quote(definition.needSeparator()))) {
                String token = code.strip();
                if (token.isEmpty()) {
                    continue;
                }
                CodelistValue need = plan.needs.resolve(token);
                if (need == null) {
                    unmapped(line, plan.needs, token);
                    gap = true;
                    continue;
                }
                if (need.isUnknown() || seen.contains(need.id())) {
                    continue;
                }
                seen.add(need.id());
                Integer index = plan.needIndex.get(need.id());
                if (index != null) {
                    if (needs.size() < definition.contributionBound()) {
                        needs.add(index);
                    } else if (problem == null && !gap) {
                        result.needsBeyondBound++;
                    }
                }
            }
        }
        if (gap) {
            // The file will be refused whole; nothing of this row is counted.
            return;
        }
        if (problem != null) {
            reject(line, problem.field(), problem.reason());
            return;
        }
        String period = periodOf(contact);
        int p = periodIndex.computeIfAbsent(period, k -> {
            result.periods.add(k);
            return result.periods.size() - 1;
        });
        batch.add(new Pending(line, key.get().key(), p, values, unknown, needs.stream().mapToInt(Integer::intValue).toArray(),
                seen.size() >= 2));
    }

    /** Resolves the batch's postcodes (the new ones in one statement) and counts its records. */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Long> wanted = batch.stream().map(Pending::postcodeKey).filter(k -> !cache.containsKey(k)).distinct().toList();
        Map<Long, PostcodeAreas> found = directory.resolve(wanted);
        wanted.forEach(k -> cache.put(k, found.getOrDefault(k, NOT_FOUND)));
        String postcodeField = plan.definition.column(Role.POSTCODE).name();
        for (Pending p : batch) {
            PostcodeAreas areas = cache.get(p.postcodeKey());
            if (areas == null) {
                // evicted while this batch was being resolved (batch larger than the cache): ask again
                areas = directory.resolve(List.of(p.postcodeKey())).getOrDefault(p.postcodeKey(), NOT_FOUND);
            }
            if (areas == NOT_FOUND) {
                result.unmatched++;
                if (result.unmatchedLines.size() < MAX_LISTED) {
                    result.unmatchedLines.add(p.line());
                }
                reject(p.line(), postcodeField, "the postcode is not in the postcode directory");
                continue;
            }
            Integer area = switch (plan.definition.grain()) {
                case "lsoa" -> areas.lsoaId();
                case "ward" -> areas.wardId();
                case "oa" -> areas.oaId();
                default -> areas.sectorId();
            };
            if (area == null) {
                reject(p.line(), postcodeField, "the postcode directory gives this postcode no " + plan.definition.grain()
                        + " known to Sightline");
                continue;
            }
            if (areas.terminated()) {
                result.terminated++;
                if (result.terminatedLines.size() < MAX_LISTED) {
                    result.terminatedLines.add(p.line());
                }
            }
            result.accepted++;
            for (int i = 0; i < p.unknown().length; i++) {
                if (p.unknown()[i]) {
                    result.unknown[i]++;
                }
            }
            int[] v = p.values();
            Cell cell = new Cell(p.period(), area, slot(v, 0), slot(v, 1), slot(v, 2), slot(v, 3));
            int[] counts = result.cells.computeIfAbsent(cell, c -> new int[plan.indicatorIds.size()]);
            for (int need : p.needs()) {
                counts[need]++;
            }
            if (p.multiple()) {
                counts[plan.multipleNeedsIndex()]++;
            }
        }
        batch.clear();
    }

    private static int slot(int[] values, int i) {
        return i < values.length ? values[i] : 0;
    }

    /** Why an age or date of birth cannot be placed in a band, or null if it can. */
    private static String ageProblem(Slot slot, String raw, LocalDate contact) {
        Column column = slot.column();
        if (column.role() == Role.AGE) {
            if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) > 130) {
                return "not an age in whole years from 0 to 130";
            }
        } else {
            LocalDate born = date(raw);
            if (born == null) {
                return "not a date (expected YYYY-MM-DD or DD/MM/YYYY)";
            }
            if (born.isAfter(contact)) {
                return "the date of birth is after the contact date";
            }
            if (java.time.Period.between(born, contact).getYears() > 130) {
                return "the date of birth makes the person older than 130";
            }
        }
        return slot.band(age(column, raw, contact)) == null ? "the age falls in no band of codelist '" + slot.codelist().type() + "'" : null;
    }

    /** The age in completed years at the contact date, of a value {@link #ageProblem} accepted. */
    private static int age(Column column, String raw, LocalDate contact) {
        return column.role() == Role.AGE ? Integer.parseInt(raw) : java.time.Period.between(date(raw), contact).getYears();
    }

    private String periodOf(LocalDate date) {
        return switch (plan.definition.periodRule()) {
            case CALENDAR_YEAR -> Integer.toString(date.getYear());
            case FINANCIAL_YEAR -> {
                int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
                yield start + "/" + String.format(Locale.ROOT, "%02d", (start + 1) % 100);
            }
            case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
        };
    }

    private void reject(long line, String field, String reason) {
        result.rejected++;
        if (result.rejections.size() < MAX_LISTED) {
            result.rejections.add(new RecordError(line, field, null, reason));
        }
    }

    private void unmapped(long line, Slot slot, String raw) {
        result.unmapped++;
        if (result.unmappedCodes.size() < MAX_LISTED) {
            String code = CodeToken.echoable(raw);
            String type = slot.codelist().type();
            result.unmappedCodes.add(new RecordError(line, slot.column().name(), code, (code == null
                    ? "the value (not shown: it does not look like a code)" : "local code '" + code + "'")
                    + " is not a code of codelist '" + type + "' and the organisation has not mapped it; map it with POST /api/v1/codelists/"
                    + type + "/mappings"));
        }
    }

    private static LocalDate date(String raw) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(raw, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static String get(CSVRecord record, int index) {
        return index < 0 || index >= record.size() ? "" : record.get(index).strip();
    }
}
