package org.sightline.api.releases;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.files.CsvInput;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.releases.Releases.AreaRow;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ConflictException;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.InvalidFileException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a release: a tidy CSV of observations at the finest grain,
 * {@code area_code,period,<one column per characteristic type>,count,denominator,value,lower_ci,upper_ci}.
 * <p>
 * All or nothing: every row is checked and every problem reported (line, column, value, reason)
 * before anything is stored; a file with any problem stores nothing. A file identical to one
 * already released for the indicator (same SHA-256) is recognised and nothing new is created.
 * A stored release is immutable: corrections arrive as a newer release.
 */
@Service
public class ReleaseImporter {

    /** How many problems to list before summarising the rest, so a wrong file gets a readable answer. */
    static final int MAX_REPORTED_ERRORS = 1_000;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+|\\d{1,3}(,\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?([eE][-+]?\\d+)?|-?\\.\\d+");
    private static final List<String> NUMBER_COLUMNS = List.of("count", "denominator", "value", "lower_ci", "upper_ci");

    private final Indicators indicators;
    private final Releases releases;
    private final ApplicationEventPublisher events;
    private final DataVersion dataVersion;
    /**
     * The largest count or denominator a cell may hold. Sums over cells stay exact 64-bit integers
     * as long as fewer than 9.2 million cells at this maximum meet in one sum.
     */
    private final long maxCount;
    private final int cellsCheckedByLine;
    /** A nested transaction (a savepoint in the caller's): what a re-sent file stored is undone alone. */
    private final TransactionTemplate savepoint;

    ReleaseImporter(Indicators indicators, Releases releases, ApplicationEventPublisher events, DataVersion dataVersion,
                    PlatformTransactionManager transactions,
                    @Value("${sightline.limits.max-count:1000000000000}") long maxCount,
                    @Value("${sightline.limits.release-cells-checked-by-line:2000000}") int cellsCheckedByLine) {
        this.cellsCheckedByLine = cellsCheckedByLine;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.indicators = indicators;
        this.releases = releases;
        this.events = events;
        this.dataVersion = dataVersion;
        this.maxCount = maxCount;
    }

    /** {@link #importRelease(String, InputStream, String, Caller)} of a file in memory. */
    @Transactional
    public ReleaseReceipt importRelease(String indicatorId, byte[] file, String fileName, Caller uploader) {
        return importRelease(indicatorId, new ByteArrayInputStream(file), fileName, uploader);
    }

    /**
     * Reads the file once, as it arrives: each row is checked and, while the file has no problem,
     * streamed into the database (COPY) in this transaction; any problem stops the storing, the
     * rest of the file is still checked so every problem is reported, and the transaction is
     * rolled back. Memory holds a buffer and one small key per cell, never the file.
     *
     * @param uploader who sends the file, recorded as provenance; a steward may release only its own indicators
     * @return the release the file created, or the existing one if the same file was sent before
     * @throws NotFoundException    if the indicator does not exist
     * @throws InvalidFileException listing every problem, if any row is invalid
     */
    @Transactional
    public ReleaseReceipt importRelease(String indicatorId, InputStream file, String fileName, Caller uploader) {
        return importRelease(indicatorId, file, fileName, uploader, Provenance.UPLOAD);
    }

    /**
     * {@link #importRelease(String, InputStream, String, Caller)} with what else is known of the
     * release's origin. The agreement and the corrected release are checked before the file is
     * read; a correction must cover every period of the release it corrects, which then becomes
     * SUPERSEDED (kept, and still read by questions "as of" an earlier release).
     */
    @Transactional
    public ReleaseReceipt importRelease(String indicatorId, InputStream file, String fileName, Caller uploader, Provenance provenance) {
        StoredIndicator indicator = indicators.find(indicatorId)
                .orElseThrow(() -> new NotFoundException("indicator '" + indicatorId + "' does not exist"));
        if (uploader.role() == Role.STEWARD && !uploader.organisationId().equals(indicator.ownerOrganisationId())) {
            throw new ForbiddenException("indicator '" + indicatorId + "' belongs to another organisation; only its steward releases data for it");
        }
        // Serialise releases of one indicator, so versions are gapless and a file sent twice at
        // the same time is still recognised as one release.
        releases.lockIndicator(indicator.dbId());
        Integer agreementId = provenance.agreementCode() == null ? null : agreementOf(indicator, uploader, provenance.agreementCode());
        List<String> correctedPeriods = provenance.isCorrection() ? correctable(indicator, provenance.correctsRelease()) : List.of();
        MessageDigest sha256 = sha256();
        // Whether the file was released before is known only once it is read (its hash), and its
        // cells are stored while it is read: a savepoint lets a re-sent file leave nothing behind
        // without rolling back a transaction this import joined (the demo loader's, on a restart).
        String[] fileDigest = new String[1];
        StoredFile stored = savepoint.execute(status -> {
            StoredFile cells = store(indicator, new DigestInputStream(file, sha256));
            fileDigest[0] = HexFormat.of().formatHex(sha256.digest());
            if (releases.findByFile(indicator, fileDigest[0]).isPresent()) {
                // The same file again: forget the copy just stored (back to the savepoint).
                status.setRollbackOnly();
            }
            return cells;
        });
        String digest = fileDigest[0];
        Optional<ReleaseReceipt> existing = releases.findByFile(indicator, digest);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!correctedPeriods.isEmpty()) {
            List<String> missing = new ArrayList<>(correctedPeriods);
            missing.removeAll(stored.periodCodes());
            if (!missing.isEmpty()) {
                throw new InvalidFileException("a correction replaces the whole of release " + provenance.correctsRelease()
                        + ", so it must cover all of its periods; this file has no rows for " + missing, List.of());
            }
        }
        ReleaseReceipt receipt = releases.publish(indicator, stored.releaseId(), stored.rows(), stored.areaType(),
                stored.periodIds(), digest, fileName, uploader.id(), uploader.organisationId(), provenance, agreementId);
        // Protection that depends only on the release is computed now, in this transaction.
        events.publishEvent(new ReleasePublished(indicator.dbId(), receipt.releaseId()));
        dataVersion.bump();
        return receipt;
    }

    /** The id of the agreement a release names, refused unless it covers the indicator and the uploader's organisation is a party. */
    private Integer agreementOf(StoredIndicator indicator, Caller uploader, String code) {
        Releases.NamedAgreement agreement = releases.agreement(code, indicator.dbId(), uploader.organisationId())
                .orElseThrow(() -> new InvalidFileException("agreement '" + code + "' does not exist", List.of()));
        if (!agreement.coversIndicator()) {
            throw new InvalidFileException("agreement '" + code + "' does not cover indicator '" + indicator.id() + "'", List.of());
        }
        if (!agreement.organisationIsParty() && uploader.role() != Role.ADMIN) {
            throw new ForbiddenException("your organisation is not a party to agreement '" + code + "'");
        }
        if (!agreement.live()) {
            throw new InvalidFileException("agreement '" + code + "' is not live today (approved and within its dates)", List.of());
        }
        return agreement.id();
    }

    /** The periods of the release a correction replaces, refused unless it is a current release of the indicator. */
    private List<String> correctable(StoredIndicator indicator, long releaseId) {
        var corrected = releases.find(releaseId)
                .filter(r -> r.getIndicatorId() == indicator.dbId())
                .orElseThrow(() -> new NotFoundException("indicator '" + indicator.id() + "' has no release " + releaseId));
        if (!"PUBLISHED".equals(corrected.getStatus())) {
            throw new ConflictException("release " + releaseId + " is " + corrected.getStatus().toLowerCase(java.util.Locale.ROOT)
                    + "; only a current (published) release can be corrected");
        }
        return releases.periodCodes(releaseId);
    }

    private StoredFile store(StoredIndicator indicator, InputStream file) {
        Problems errors = new Problems(MAX_REPORTED_ERRORS);
        List<StoredType> types = indicator.characteristicTypes();
        long releaseId = releases.reserveReleaseId();
        Map<String, AreaRow> areas = releases.allAreas();
        int[] valuesPerSlot = types.stream().mapToInt(t -> t.values().size()).toArray();
        CellLines cellLines = new CellLines(valuesPerSlot, cellsCheckedByLine);
        Map<String, Integer> periodIds = new LinkedHashMap<>();
        Map<String, Integer> periodIndexes = new HashMap<>();
        String areaType = null;
        long areaTypeLine = 0;
        long rows = 0;
        Releases.CellWriter cells = releases.cellWriter(releaseId, indicator.dbId());
        try (CSVParser parser = CsvInput.parse(file)) {
            Columns columns = Columns.of(indicator, parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            int[] valueIds = new int[types.size()];
            int[] valueIndexes = new int[types.size()];
            for (CSVRecord record : parser) {
                Row row = new Row(CsvInput.lineOf(record), record);
                rows++;
                long errorsBefore = errors.size();
                if (!record.isConsistent()) {
                    // A cell too many or too few shifts every column after it: nothing in the row can be trusted.
                    errors.add(new ReleaseError(row.line(), "", "", CsvInput.cellCountProblem(record)));
                    continue;
                }
                String areaCode = row.get(columns.area());
                AreaRow area = null;
                if (areaCode.isEmpty()) {
                    errors.add(new ReleaseError(row.line(), "area_code", "", "area_code is blank"));
                } else if ((area = areas.get(areaCode)) == null) {
                    errors.add(new ReleaseError(row.line(), "area_code", areaCode, "not a known area code; load its geography first"));
                } else if (areaType == null) {
                    areaType = area.type();
                    areaTypeLine = row.line();
                } else if (!areaType.equals(area.type())) {
                    errors.add(new ReleaseError(row.line(), "area_code", areaCode, "is a " + area.type() + " but line " + areaTypeLine
                            + " is a " + areaType + "; a release holds cells of one geography level (the finest it has) "
                            + "and coarser levels are computed"));
                }
                String periodCode = row.get(columns.period());
                Integer periodId = periodIds.get(periodCode);
                if (periodId == null) {
                    try {
                        Period period = Period.parse(periodCode);
                        periodId = periodIds.get(period.code());
                        if (periodId == null) {
                            cells.pause();
                            periodId = releases.ensurePeriod(period);
                            periodIds.put(period.code(), periodId);
                            periodIndexes.put(period.code(), periodIndexes.size());
                        }
                        if (!periodCode.equals(period.code())) {
                            periodIds.put(periodCode, periodId);
                            periodIndexes.put(periodCode, periodIndexes.get(period.code()));
                        }
                    } catch (IllegalArgumentException e) {
                        errors.add(new ReleaseError(row.line(), "period", periodCode, e.getMessage()));
                    }
                }
                for (int i = 0; i < types.size(); i++) {
                    StoredType type = types.get(i);
                    String code = row.get(columns.characteristic(i));
                    valueIds[i] = 0;
                    int index = code.isEmpty() ? -1 : indexOf(type, code);
                    if (code.isEmpty()) {
                        errors.add(new ReleaseError(row.line(), type.code(), "", type.code() + " is blank"));
                    } else if (index < 0) {
                        errors.add(new ReleaseError(row.line(), type.code(), code, "not a value of " + type.code() + "; expected one of "
                                + type.values().stream().filter(v -> !v.total()).map(StoredValue::code).toList()));
                    } else if (type.values().get(index).total()) {
                        errors.add(new ReleaseError(row.line(), type.code(), code, "totals are computed, not stored: "
                                + "give the finest breakdown only"));
                    } else {
                        valueIds[i] = type.values().get(index).id();
                        valueIndexes[i] = index + 1;
                    }
                }
                Long count = wholeNumber(row, "count", columns.count(), maxCount, errors);
                Long denominator = wholeNumber(row, "denominator", columns.denominator(), maxCount, errors);
                Double value = decimal(row, "value", columns.value(), errors);
                Double lowerCi = decimal(row, "lower_ci", columns.lowerCi(), errors);
                Double upperCi = decimal(row, "upper_ci", columns.upperCi(), errors);
                requireMeasures(indicator.definition().measureType(), row, columns, count, denominator, value, errors);
                if (lowerCi != null && upperCi != null && lowerCi > upperCi) {
                    errors.add(new ReleaseError(row.line(), "lower_ci", row.get(columns.lowerCi()), "lower_ci is greater than upper_ci"));
                }
                if (errors.size() == errorsBefore) {
                    long earlier = cellLines.putIfAbsent(area.id(), periodIndexes.get(periodCode), valueIndexes, row.line());
                    if (earlier >= 0) {
                        errors.add(new ReleaseError(row.line(), "area_code", areaCode, "duplicate cell: line " + earlier
                                + " has the same area, period and characteristics"));
                    } else if (errors.isEmpty()) {
                        cells.write(area.id(), periodId, valueIds, count, denominator, value, lowerCi, upperCi);
                    }
                }
            }
        } catch (IOException e) {
            cells.cancel();
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            cells.cancel();
            throw new InvalidFileException("the file is not valid CSV: " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            cells.cancel();
            throw repeatedCellOr(e);
        }
        if (!errors.isEmpty()) {
            cells.cancel();
            throw invalid(errors);
        }
        try {
            cells.close();
        } catch (RuntimeException e) {
            cells.cancel();
            throw repeatedCellOr(e);
        }
        if (rows == 0) {
            throw new InvalidFileException("the file has a header but no rows", List.of());
        }
        return new StoredFile(releaseId, rows, areaType, new LinkedHashSet<>(periodIds.values()),
                periodIds.keySet().stream().map(code -> Period.parse(code).code()).distinct().toList());
    }

    /**
     * A repeated cell the lines kept in memory did not cover (a file of more cells than
     * {@code sightline.limits.release-cells-checked-by-line}) is refused by the cells' unique key
     * while they are copied in: the caller's mistake, said as such.
     */
    private RuntimeException repeatedCellOr(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return new InvalidFileException("two rows of the file are for the same cell (area, period and characteristics); "
                        + "in a file of more than " + cellsCheckedByLine + " cells a repeated cell is found as the cells are "
                        + "stored, which cannot say on which lines", List.of());
            }
        }
        return e;
    }

    private static int indexOf(StoredType type, String code) {
        List<StoredValue> values = type.values();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The release stored so far: its reserved id, how many cells, their area type and the ids of its periods. */
    private record StoredFile(long releaseId, long rows, String areaType, Set<Integer> periodIds, List<String> periodCodes) {
    }

    /** Where each column of the file is; -1 for an optional column it does not have. */
    private record Columns(int area, int period, int[] characteristics, int count, int denominator, int value, int lowerCi,
                           int upperCi) {

        int characteristic(int i) {
            return characteristics[i];
        }

        static Columns of(StoredIndicator indicator, List<String> header, Problems errors) {
            checkHeader(indicator, header, errors);
            int[] characteristics = indicator.characteristicTypes().stream().mapToInt(t -> header.indexOf(t.code())).toArray();
            return new Columns(header.indexOf("area_code"), header.indexOf("period"), characteristics, header.indexOf("count"),
                    header.indexOf("denominator"), header.indexOf("value"), header.indexOf("lower_ci"), header.indexOf("upper_ci"));
        }
    }

    private static void checkHeader(StoredIndicator indicator, List<String> header, Problems errors) {
        List<String> expected = new ArrayList<>(List.of("area_code", "period"));
        indicator.characteristicTypes().forEach(t -> expected.add(t.code()));
        for (String column : expected) {
            if (!header.contains(column)) {
                errors.add(new ReleaseError(1, column, "", "required column is missing; the header must include "
                        + String.join(",", expected)));
            }
        }
        for (String column : header) {
            if (!expected.contains(column) && !NUMBER_COLUMNS.contains(column)) {
                errors.add(new ReleaseError(1, column, column, "unknown column; expected " + String.join(",", expected)
                        + " and some of " + String.join(",", NUMBER_COLUMNS)));
            }
        }
    }

    private static void requireMeasures(MeasureType type, Row row, Columns columns, Long count, Long denominator, Double value,
                                        Problems errors) {
        switch (type) {
            case ADDITIVE_COUNT -> requirePresent(row, "count", columns.count(), count, "a count indicator needs a count in every row", errors);
            case RATIO -> {
                requirePresent(row, "count", columns.count(), count, "a ratio indicator needs a numerator (count) in every row", errors);
                requirePresent(row, "denominator", columns.denominator(), denominator,
                        "a ratio indicator needs a denominator in every row", errors);
            }
            case NON_ADDITIVE -> requirePresent(row, "value", columns.value(), value, "a non-additive indicator needs a value in every row",
                    errors);
        }
    }

    private static void requirePresent(Row row, String column, int index, Object parsed, String reason, Problems errors) {
        // A blank cell that failed to parse has already been reported; only report true absence.
        if (parsed == null && row.get(index).isEmpty()) {
            errors.add(new ReleaseError(row.line(), column, "", reason));
        }
    }

    private static Long wholeNumber(Row row, String column, int index, long max, Problems errors) {
        String raw = row.get(index);
        if (raw.isEmpty()) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            errors.add(new ReleaseError(row.line(), column, raw, column + " must be a whole number of 0 or more"));
            return null;
        }
        String digits = raw.replace(",", "");
        if (digits.length() > 18 || Long.parseLong(digits) > max) {
            errors.add(new ReleaseError(row.line(), column, abbreviated(raw), column + " is larger than the maximum of " + max));
            return null;
        }
        return Long.parseLong(digits);
    }

    private static Double decimal(Row row, String column, int index, Problems errors) {
        String raw = row.get(index);
        if (raw.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(raw).matches()) {
            errors.add(new ReleaseError(row.line(), column, raw, column + " must be a number"));
            return null;
        }
        double parsed = Double.parseDouble(raw.replace(",", ""));
        if (!Double.isFinite(parsed)) {
            errors.add(new ReleaseError(row.line(), column, abbreviated(raw), column + " is too large to be a number"));
            return null;
        }
        return parsed;
    }

    /** A cell's text as an error repeats it: long enough to recognise, never the whole of an enormous cell. */
    private static String abbreviated(String raw) {
        return raw.length() > 50 ? raw.substring(0, 50) + "..." : raw;
    }

    private static InvalidFileException invalid(Problems errors) {
        List<ReleaseError> shown = errors.listed();
        String more = errors.size() > MAX_REPORTED_ERRORS ? " (the first " + MAX_REPORTED_ERRORS + " are listed)" : "";
        return new InvalidFileException("the file has " + errors.size() + " problem(s)" + more + "; nothing was released",
                shown);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record of the file; a column the file lacks, or a short record, reads as blank. */
    private record Row(long line, CSVRecord record) {
        String get(int index) {
            return index < 0 || index >= record.size() ? "" : record.get(index).strip();
        }
    }
}
