package org.sightline.api.releases;

import java.io.ByteArrayInputStream;
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
import org.sightline.api.releases.Releases.NewCell;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.InvalidFileException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.time.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    ReleaseImporter(Indicators indicators, Releases releases, ApplicationEventPublisher events) {
        this.indicators = indicators;
        this.releases = releases;
        this.events = events;
    }

    /**
     * @param uploader who sends the file, recorded as provenance; a steward may release only its own indicators
     * @return the release the file created, or the existing one if the same file was sent before
     * @throws NotFoundException    if the indicator does not exist
     * @throws InvalidFileException listing every problem, if any row is invalid
     */
    @Transactional
    public ReleaseReceipt importRelease(String indicatorId, byte[] file, String fileName, Caller uploader) {
        StoredIndicator indicator = indicators.find(indicatorId)
                .orElseThrow(() -> new NotFoundException("indicator '" + indicatorId + "' does not exist"));
        if (uploader.role() == Role.STEWARD && !uploader.organisationId().equals(indicator.ownerOrganisationId())) {
            throw new ForbiddenException("indicator '" + indicatorId + "' belongs to another organisation; only its steward releases data for it");
        }
        String uploadedBy = uploader.id();
        String sha256 = sha256(file);
        // Serialise releases of one indicator, so versions are gapless and a file sent twice at
        // the same time is still recognised as one release.
        releases.lockIndicator(indicator.dbId());
        Optional<ReleaseReceipt> existing = releases.findByFile(indicator, sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        ParsedFile parsed = parse(indicator, file);
        ReleaseReceipt receipt = releases.publish(indicator, parsed.cells(), parsed.areaType(), parsed.periods(), sha256, fileName,
                uploadedBy);
        // Protection that depends only on the release is computed now, in this transaction.
        events.publishEvent(new ReleasePublished(indicator.dbId(), receipt.releaseId()));
        return receipt;
    }

    private ParsedFile parse(StoredIndicator indicator, byte[] file) {
        List<ReleaseError> errors = new ArrayList<>();
        List<RawRow> rows = new ArrayList<>();
        List<StoredType> types = indicator.characteristicTypes();
        try (CSVParser parser = CsvInput.parse(new ByteArrayInputStream(file))) {
            List<String> header = parser.getHeaderNames();
            checkHeader(indicator, header, errors);
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            for (CSVRecord record : parser) {
                rows.add(new RawRow(CsvInput.lineOf(record), record.toMap()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFileException("the file is not valid CSV: " + e.getMessage(), List.of());
        }
        if (rows.isEmpty()) {
            throw new InvalidFileException("the file has a header but no rows", List.of());
        }

        Set<String> codes = new LinkedHashSet<>();
        rows.forEach(r -> codes.add(r.get("area_code")));
        Map<String, AreaRow> areas = releases.areasByCode(codes);

        String areaType = null;
        long areaTypeLine = 0;
        Map<String, Period> periods = new LinkedHashMap<>();
        Map<CellKey, Long> firstLineOfCell = new HashMap<>();
        List<NewCell> cells = new ArrayList<>(rows.size());
        for (RawRow row : rows) {
            int errorsBefore = errors.size();
            String areaCode = row.get("area_code");
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
            Period period = null;
            try {
                period = Period.parse(row.get("period"));
                periods.putIfAbsent(period.code(), period);
            } catch (IllegalArgumentException e) {
                errors.add(new ReleaseError(row.line(), "period", row.get("period"), e.getMessage()));
            }
            Integer[] valueIds = new Integer[4];
            for (int i = 0; i < types.size(); i++) {
                StoredType type = types.get(i);
                String code = row.get(type.code());
                Optional<StoredValue> value = type.value(code);
                if (code.isEmpty()) {
                    errors.add(new ReleaseError(row.line(), type.code(), "", type.code() + " is blank"));
                } else if (value.isEmpty()) {
                    errors.add(new ReleaseError(row.line(), type.code(), code, "not a value of " + type.code() + "; expected one of "
                            + type.values().stream().filter(v -> !v.total()).map(StoredValue::code).toList()));
                } else if (value.get().total()) {
                    errors.add(new ReleaseError(row.line(), type.code(), code, "totals are computed, not stored: "
                            + "give the finest breakdown only"));
                } else {
                    valueIds[i] = value.get().id();
                }
            }
            Long count = wholeNumber(row, "count", errors);
            Long denominator = wholeNumber(row, "denominator", errors);
            Double value = decimal(row, "value", errors);
            Double lowerCi = decimal(row, "lower_ci", errors);
            Double upperCi = decimal(row, "upper_ci", errors);
            requireMeasures(indicator.definition().measureType(), row, count, denominator, value, errors);
            if (lowerCi != null && upperCi != null && lowerCi > upperCi) {
                errors.add(new ReleaseError(row.line(), "lower_ci", row.get("lower_ci"), "lower_ci is greater than upper_ci"));
            }
            if (errors.size() == errorsBefore) {
                CellKey key = new CellKey(area.id(), period.code(), java.util.Arrays.asList(valueIds.clone()));
                Long earlier = firstLineOfCell.putIfAbsent(key, row.line());
                if (earlier != null) {
                    errors.add(new ReleaseError(row.line(), "area_code", areaCode, "duplicate cell: line " + earlier
                            + " has the same area, period and characteristics"));
                } else {
                    cells.add(new NewCell(area.id(), period.code(), valueIds, count, denominator, value, lowerCi, upperCi));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new ParsedFile(cells, areaType, List.copyOf(periods.values()));
    }

    private static void checkHeader(StoredIndicator indicator, List<String> header, List<ReleaseError> errors) {
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

    private static void requireMeasures(MeasureType type, RawRow row, Long count, Long denominator, Double value,
                                        List<ReleaseError> errors) {
        switch (type) {
            case ADDITIVE_COUNT -> requirePresent(row, "count", count, "a count indicator needs a count in every row", errors);
            case RATIO -> {
                requirePresent(row, "count", count, "a ratio indicator needs a numerator (count) in every row", errors);
                requirePresent(row, "denominator", denominator, "a ratio indicator needs a denominator in every row", errors);
            }
            case NON_ADDITIVE -> requirePresent(row, "value", value, "a non-additive indicator needs a value in every row", errors);
        }
    }

    private static void requirePresent(RawRow row, String column, Object parsed, String reason, List<ReleaseError> errors) {
        // A blank cell that failed to parse has already been reported; only report true absence.
        if (parsed == null && row.get(column).isEmpty()) {
            errors.add(new ReleaseError(row.line(), column, "", reason));
        }
    }

    private static Long wholeNumber(RawRow row, String column, List<ReleaseError> errors) {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            errors.add(new ReleaseError(row.line(), column, raw, column + " must be a whole number of 0 or more"));
            return null;
        }
        try {
            return Long.parseLong(raw.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new ReleaseError(row.line(), column, raw, column + " is too large"));
            return null;
        }
    }

    private static Double decimal(RawRow row, String column, List<ReleaseError> errors) {
        String raw = row.get(column);
        if (raw.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(raw).matches()) {
            errors.add(new ReleaseError(row.line(), column, raw, column + " must be a number"));
            return null;
        }
        return Double.parseDouble(raw.replace(",", ""));
    }

    private static InvalidFileException invalid(List<ReleaseError> errors) {
        List<ReleaseError> shown = errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS) : errors;
        String more = errors.size() > MAX_REPORTED_ERRORS ? " (the first " + MAX_REPORTED_ERRORS + " are listed)" : "";
        return new InvalidFileException("the file has " + errors.size() + " problem(s)" + more + "; nothing was released",
                shown);
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record RawRow(long line, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    private record CellKey(int areaId, String period, List<Integer> characteristicValueIds) {
    }

    private record ParsedFile(List<NewCell> cells, String areaType, List<Period> periods) {
    }
}
