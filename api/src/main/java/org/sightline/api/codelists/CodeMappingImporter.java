package org.sightline.api.codelists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.codelists.Codelists.Codelist;
import org.sightline.api.codelists.Codelists.CodelistValue;
import org.sightline.api.files.CsvInput;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.InvalidFileException;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an organisation's mappings of local codes to a codelist's standard codes from CSV
 * {@code organisation,local_code,standard_code}. A STEWARD maps codes for its own organisation,
 * an ADMIN for any. All or nothing: every bad line is reported (line, field, reason) and a file
 * with any stores nothing. A local code mapped before is re-pointed when the file says so: record
 * files loaded afterwards use the new mapping; counts already published are not recomputed.
 */
@Service
public class CodeMappingImporter {

    private static final int MAX_LISTED = 1_000;
    private static final List<String> COLUMNS = List.of("organisation", "local_code", "standard_code");

    private final Codelists codelists;
    private final DataVersion dataVersion;

    CodeMappingImporter(Codelists codelists, DataVersion dataVersion) {
        this.codelists = codelists;
        this.dataVersion = dataVersion;
    }

    @Transactional
    public MappingReport importMappings(String type, InputStream file, Caller caller) {
        if (caller.role() != Role.STEWARD && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("only a STEWARD (for its own organisation) or an ADMIN maps local codes");
        }
        Codelist codelist = codelists.find(type)
                .orElseThrow(() -> new NotFoundException("codelist '" + type + "' does not exist"));
        Map<String, Integer> organisations = codelists.organisations();
        record Mapping(int organisationId, String localCode, CodelistValue value) {
        }
        List<Mapping> mappings = new ArrayList<>();
        List<MappingError> errors = new ArrayList<>();
        long errorCount = 0;
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, String> firstTarget = new HashMap<>();
        try (CSVParser parser = CsvInput.parse(file)) {
            List<String> header = parser.getHeaderNames();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    throw new InvalidFileException("the header must be organisation,local_code,standard_code",
                            List.of(new MappingError(1, column, "", "required column is missing")));
                }
            }
            for (CSVRecord record : parser) {
                long line = CsvInput.lineOf(record);
                if (!record.isConsistent()) {
                    errorCount++;
                    if (errors.size() < MAX_LISTED) {
                        errors.add(new MappingError(line, "", "", CsvInput.cellCountProblem(record)));
                    }
                    continue;
                }
                String organisation = value(record, "organisation");
                String localCode = value(record, "local_code");
                String standardCode = value(record, "standard_code");
                List<MappingError> found = new ArrayList<>();
                Integer organisationId = organisations.get(organisation);
                if (organisationId == null) {
                    found.add(new MappingError(line, "organisation", organisation, "not a known organisation code"));
                } else if (caller.role() == Role.STEWARD && !organisationId.equals(caller.organisationId())) {
                    throw new ForbiddenException("line " + line + " maps codes of organisation '" + organisation
                            + "'; a steward maps the codes of its own organisation only");
                }
                if (localCode.isEmpty() || localCode.length() > 64) {
                    found.add(new MappingError(line, "local_code", "", "local_code must be 1-64 characters"));
                }
                CodelistValue value = codelist.value(standardCode).orElse(null);
                if (value == null) {
                    found.add(new MappingError(line, "standard_code", standardCode, "not a value of " + type + " (version "
                            + codelist.version() + "); expected one of " + codelist.values().stream().map(CodelistValue::code).toList()));
                }
                if (found.isEmpty()) {
                    String key = organisation + "\u0000" + localCode;
                    Long earlier = firstLine.putIfAbsent(key, line);
                    if (earlier != null && !firstTarget.get(key).equals(standardCode)) {
                        found.add(new MappingError(line, "local_code", localCode, "line " + earlier + " maps the same local code to '"
                                + firstTarget.get(key) + "'"));
                    } else if (earlier == null) {
                        firstTarget.put(key, standardCode);
                        mappings.add(new Mapping(organisationId, localCode, value));
                    }
                }
                errorCount += found.size();
                found.stream().limit(Math.max(0, MAX_LISTED - errors.size())).forEach(errors::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFileException("the file is not valid CSV", List.of());
        }
        if (errorCount > 0) {
            throw new InvalidFileException("the file has " + errorCount + " problem(s); no mapping was stored", errors);
        }
        if (mappings.isEmpty()) {
            throw new InvalidFileException("the file has a header but no mappings", List.of());
        }
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Mapping m : mappings) {
            switch (codelists.map(m.organisationId(), codelist.typeId(), m.localCode(), m.value().id(), caller.id())) {
                case ADDED -> added++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
            }
        }
        if (added + changed > 0) {
            dataVersion.bump();
        }
        return new MappingReport(type, codelist.version(), added, changed, unchanged);
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }
}
