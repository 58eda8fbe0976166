package org.sightline.api.geography;

import tools.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sightline.api.files.CsvInput;
import org.sightline.api.geography.Areas.NewArea;
import org.sightline.api.geography.Areas.NewLink;
import org.sightline.api.geography.GeographyImportReport.NameDifference;
import org.sightline.api.geography.GeographyImportReport.RejectedRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports geography files as they are published:
 * <ul>
 *   <li>ONS lookup CSVs, recognised by their {@code <ENTITY><YY>CD/NM} column pairs (e.g.
 *       {@code LSOA11CD, LSOA11NM, WD19CD, WD19NM, LAD19CD, LAD19NM}); each row becomes a chain of
 *       links from the finest to the coarsest area it names, skipping blank cells (a unitary
 *       authority has no county);</li>
 *   <li>the generic CSV {@code area_code,area_name,area_type,parent_code,hierarchy};</li>
 *   <li>ONS MSOA names as JSON {@code {"E02000001": "City of London 001"}}, which also links every
 *       known LSOA to the MSOA whose name is the LSOA's name without its final letter.</li>
 * </ul>
 * Rows are the unit of acceptance: a row that is malformed or contradicts what is already known
 * (an area with another name or type, a child with another parent in the same hierarchy) is
 * rejected whole and reported with its line; the other rows are imported. Loading a file again
 * adds nothing. The closure table is brought up to date in the same transaction.
 */
@Service
public class GeographyImporter {

    private static final Pattern ONS_COLUMN = Pattern.compile("([A-Z]+)(\\d{2})(CD|NM)");
    private static final Pattern MOJIBAKE = Pattern.compile("[\u00C2-\u00C5][\u0080-\u00BF]");
    private static final Pattern GSS_CODE = Pattern.compile("[EWSNKLMJ]\\d{8}");
    private static final List<String> GENERIC_COLUMNS = List.of("area_code", "area_name", "area_type", "parent_code", "hierarchy");

    private final Areas areas;
    /** area.name is varchar(200). */
    private static final int MAX_NAME_LENGTH = 200;

    private final JsonMapper json;
    private final AreaGrains grains;

    GeographyImporter(Areas areas, JsonMapper json, AreaGrains grains) {
        this.areas = areas;
        this.json = json;
        this.grains = grains;
    }

    /** Imports a CSV lookup (ONS or generic) or a JSON MSOA name map, telling them apart by content. */
    @Transactional
    public GeographyImportReport importFile(byte[] content) throws IOException {
        GeographyImportReport report = read(content);
        if (report.areasAdded() > 0 || report.linksAdded() > 0) {
            // New links can change what an area is made of (an operator's "combined authority"
            // around one LSOA is made of LSOAs), which is what the privacy engine judges it by.
            grains.refreshAll();
        }
        return report;
    }

    private GeographyImportReport read(byte[] content) throws IOException {
        if (looksLikeJson(content)) {
            return importMsoaNames(content);
        }
        try (CSVParser parser = CsvInput.parse(new java.io.ByteArrayInputStream(content))) {
            List<String> header = parser.getHeaderNames();
            if (header.containsAll(List.of("area_code", "area_name", "area_type"))) {
                return importGeneric(parser, header);
            }
            return importOnsLookup(parser, header);
        }
    }

    private GeographyImportReport importOnsLookup(CSVParser parser, List<String> header) {
        Map<String, OnsEntity> entities = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (String column : header) {
            Matcher m = ONS_COLUMN.matcher(column);
            if (m.matches() && AreaLevels.typeForOnsEntity(m.group(1)).isPresent()) {
                String key = m.group(1) + m.group(2);
                OnsEntity entity = entities.computeIfAbsent(key, k -> new OnsEntity(AreaLevels.typeForOnsEntity(m.group(1)).get()));
                if (m.group(3).equals("CD")) {
                    entity.codeColumn = column;
                } else {
                    entity.nameColumn = column;
                }
            } else if (!column.isBlank()) {
                ignored.add(column);
            }
        }
        List<OnsEntity> levels = entities.values().stream()
                .filter(e -> e.codeColumn != null && e.nameColumn != null)
                .sorted(Comparator.comparingInt((OnsEntity e) -> AreaLevels.granularity(e.type)).reversed())
                .toList();
        entities.values().stream().filter(e -> e.codeColumn == null || e.nameColumn == null)
                .forEach(e -> ignored.add(e.codeColumn != null ? e.codeColumn : e.nameColumn));
        if (levels.isEmpty()) {
            throw new GeographyFileException("no area columns recognised: expected ONS lookup columns such as "
                    + "LSOA11CD,LSOA11NM,WD19CD,WD19NM or the generic columns " + String.join(",", GENERIC_COLUMNS)
                    + "; found " + header);
        }
        List<CandidateRow> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (CSVRecord record : parser) {
            long line = CsvInput.lineOf(record);
            if (!record.isConsistent()) {
                rejected.add(new RejectedRow(line, CsvInput.cellCountProblem(record)));
                continue;
            }
            CandidateRow row = new CandidateRow(line);
            String error = null;
            NewArea previous = null;
            for (OnsEntity level : levels) {
                String code = value(record, level.codeColumn);
                String name = value(record, level.nameColumn);
                if (code.isEmpty() && name.isEmpty()) {
                    continue;
                }
                if (code.isEmpty() || name.isEmpty()) {
                    error = (code.isEmpty() ? level.codeColumn : level.nameColumn) + " is blank but "
                            + (code.isEmpty() ? level.nameColumn : level.codeColumn) + " is not";
                    break;
                }
                if (!GSS_CODE.matcher(code).matches()) {
                    error = level.codeColumn + " '" + (code.length() > 20 ? code.substring(0, 20) + "..." : code)
                            + "' is not a 9-character GSS code such as E01000001";
                    break;
                }
                if (name.length() > MAX_NAME_LENGTH) {
                    error = level.nameColumn + " is longer than " + MAX_NAME_LENGTH + " characters";
                    break;
                }
                NewArea area = new NewArea(code, repairDoubleEncoding(name), level.type);
                row.areas.add(area);
                if (previous != null) {
                    row.links.add(new NewLink(AreaLevels.hierarchyFor(previous.type(), area.type()), previous.code(), code));
                }
                previous = area;
            }
            if (error != null) {
                rejected.add(new RejectedRow(line, error));
            } else if (!row.areas.isEmpty()) {
                rows.add(row);
            }
        }
        List<String> recognised = levels.stream().flatMap(l -> java.util.stream.Stream.of(l.codeColumn, l.nameColumn)).toList();
        return apply("ons-lookup", rows.size() + rejected.size(), rows, rejected, recognised, ignored);
    }

    private GeographyImportReport importGeneric(CSVParser parser, List<String> header) {
        Set<String> knownTypes = areas.areaTypeCodes();
        Set<String> knownHierarchies = areas.hierarchyCodes();
        List<CandidateRow> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (CSVRecord record : parser) {
            long line = CsvInput.lineOf(record);
            if (!record.isConsistent()) {
                rejected.add(new RejectedRow(line, CsvInput.cellCountProblem(record)));
                continue;
            }
            String code = value(record, "area_code");
            String name = value(record, "area_name");
            String type = value(record, "area_type");
            String parent = value(record, "parent_code");
            String hierarchy = value(record, "hierarchy").isEmpty() ? "admin" : value(record, "hierarchy");
            String error = null;
            if (code.isEmpty() || code.length() > 16) {
                error = "area_code must be 1-16 characters";
            } else if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                error = "area_name must be 1-" + MAX_NAME_LENGTH + " characters";
            } else if (!knownTypes.contains(type)) {
                error = "area_type '" + type + "' is not one of " + new java.util.TreeSet<>(knownTypes);
            } else if (!knownHierarchies.contains(hierarchy)) {
                error = "hierarchy '" + hierarchy + "' is not one of " + new java.util.TreeSet<>(knownHierarchies);
            } else if (parent.equals(code)) {
                error = "parent_code is the area itself";
            }
            if (error != null) {
                rejected.add(new RejectedRow(line, error));
                continue;
            }
            CandidateRow row = new CandidateRow(line);
            row.areas.add(new NewArea(code, name, type));
            if (!parent.isEmpty()) {
                row.links.add(new NewLink(hierarchy, code, parent));
            }
            rows.add(row);
        }
        List<String> recognised = GENERIC_COLUMNS.stream().filter(header::contains).toList();
        List<String> ignored = header.stream().filter(c -> !GENERIC_COLUMNS.contains(c)).toList();
        return apply("generic", rows.size() + rejected.size(), rows, rejected, recognised, ignored);
    }

    private GeographyImportReport importMsoaNames(byte[] content) throws IOException {
        Map<String, String> names;
        try {
            names = json.readValue(content, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (RuntimeException e) {
            throw new GeographyFileException("JSON geography must be an object of MSOA code to name, e.g. "
                    + "{\"E02000001\": \"City of London 001\"}: " + e.getMessage());
        }
        Map<String, String> msoaByName = new HashMap<>();
        List<CandidateRow> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long entry = 0;
        for (Map.Entry<String, String> e : names.entrySet()) {
            entry++;
            String code = e.getKey().strip();
            String name = e.getValue() == null ? "" : e.getValue().strip();
            if (!GSS_CODE.matcher(code).matches() || !code.startsWith("02", 1)) {
                rejected.add(new RejectedRow(entry, "'" + code + "' is not an MSOA code (E02, W02 or S02 followed by six digits)"));
            } else if (name.isEmpty()) {
                rejected.add(new RejectedRow(entry, "MSOA " + code + " has no name"));
            } else if (name.length() > MAX_NAME_LENGTH) {
                rejected.add(new RejectedRow(entry, "MSOA " + code + "'s name is longer than " + MAX_NAME_LENGTH + " characters"));
            } else {
                CandidateRow row = new CandidateRow(entry);
                row.areas.add(new NewArea(code, name, "msoa"));
                rows.add(row);
                msoaByName.put(name, code);
            }
        }
        // An LSOA belongs to the MSOA whose name is the LSOA's name without its final letter.
        long lsoaEntry = entry;
        for (Map.Entry<String, String> lsoa : areas.namesOfType("lsoa").entrySet()) {
            String lsoaName = lsoa.getValue();
            String msoaCode = lsoaName.length() > 1 ? msoaByName.get(lsoaName.substring(0, lsoaName.length() - 1)) : null;
            if (msoaCode != null) {
                CandidateRow row = new CandidateRow(++lsoaEntry);
                row.links.add(new NewLink("statistical", lsoa.getKey(), msoaCode));
                rows.add(row);
            }
        }
        return apply("msoa-names", names.size(), rows, rejected, List.of("<MSOA code>: <MSOA name>"), List.of());
    }

    /** Accepts rows in file order against what the database and the earlier rows already say. */
    private GeographyImportReport apply(String format, int rowsRead, List<CandidateRow> rows, List<RejectedRow> rejected,
                                        List<String> recognised, List<String> ignored) {
        Set<String> codes = new HashSet<>();
        for (CandidateRow row : rows) {
            row.areas.forEach(a -> codes.add(a.code()));
            row.links.forEach(l -> {
                codes.add(l.childCode());
                codes.add(l.parentCode());
            });
        }
        Map<String, NewArea> knownAreas = new HashMap<>(areas.findByCodes(codes));
        Map<String, String> knownParents = new HashMap<>();
        areas.findLinks(codes).forEach(l -> knownParents.put(l.hierarchy() + "|" + l.childCode(), l.parentCode()));
        Map<String, Set<String>> ancestors = areas.ancestorCodes(codes);
        Map<String, List<String>> newParents = new HashMap<>();

        Map<String, NewArea> areasToAdd = new LinkedHashMap<>();
        Map<String, NewLink> linksToAdd = new LinkedHashMap<>();
        int areasUnchanged = 0;
        int linksUnchanged = 0;
        List<RejectedRow> allRejected = new ArrayList<>(rejected);
        List<NameDifference> nameDifferences = new ArrayList<>();
        for (CandidateRow row : rows) {
            String conflict = conflictOf(row, knownAreas, knownParents);
            if (conflict == null) {
                conflict = cycleOrInversion(row, knownAreas, ancestors, newParents);
            }
            if (conflict != null) {
                allRejected.add(new RejectedRow(row.line, conflict));
                continue;
            }
            for (NewArea area : row.areas) {
                NewArea known = knownAreas.get(area.code());
                if (known != null && !known.name().equals(area.name())) {
                    nameDifferences.add(new NameDifference(row.line, area.code(), known.name(), area.name()));
                }
                if (knownAreas.putIfAbsent(area.code(), area) == null) {
                    areasToAdd.put(area.code(), area);
                } else if (!areasToAdd.containsKey(area.code())) {
                    areasUnchanged++;
                }
            }
            for (NewLink link : row.links) {
                String key = link.hierarchy() + "|" + link.childCode();
                if (knownParents.putIfAbsent(key, link.parentCode()) == null) {
                    linksToAdd.put(key, link);
                    newParents.computeIfAbsent(link.childCode(), c -> new ArrayList<>()).add(link.parentCode());
                } else if (!linksToAdd.containsKey(key)) {
                    linksUnchanged++;
                }
            }
        }
        areas.insertAreas(areasToAdd.values());
        areas.insertLinks(linksToAdd.values());
        if (!areasToAdd.isEmpty() || !linksToAdd.isEmpty()) {
            areas.updateClosure();
        }
        allRejected.sort(Comparator.comparingLong(RejectedRow::line));
        return new GeographyImportReport(format, rowsRead, areasToAdd.size(), areasUnchanged,
                linksToAdd.size(), linksUnchanged, recognised, ignored, allRejected, nameDifferences);
    }

    /**
     * Why a row's links would make the geography impossible - an area inside itself (A in B in A; a
     * country inside its own LSOA) or a coarser area inside a finer one (a country inside a region) -
     * or null. Queries sum areas up their ancestors, so either would corrupt every later answer.
     */
    private static String cycleOrInversion(CandidateRow row, Map<String, NewArea> knownAreas, Map<String, Set<String>> ancestors,
                                           Map<String, List<String>> newParents) {
        for (NewLink link : row.links) {
            String childType = typeOf(link.childCode(), row, knownAreas);
            String parentType = typeOf(link.parentCode(), row, knownAreas);
            if (childType != null && parentType != null && AreaLevels.finerThan(parentType, childType)) {
                return "parent area " + link.parentCode() + " is a " + parentType + ", finer than " + link.childCode()
                        + " (a " + childType + "); an area can only be inside a coarser one";
            }
            if (inside(link.parentCode(), link.childCode(), ancestors, newParents)) {
                return "linking " + link.childCode() + " into " + link.parentCode() + " would put " + link.childCode()
                        + " inside itself (" + link.parentCode() + " is already inside " + link.childCode() + ")";
            }
        }
        return null;
    }

    private static String typeOf(String code, CandidateRow row, Map<String, NewArea> knownAreas) {
        NewArea known = knownAreas.get(code);
        if (known != null) {
            return known.type();
        }
        return row.areas.stream().filter(a -> a.code().equals(code)).map(NewArea::type).findFirst().orElse(null);
    }

    /**
     * Whether {@code area} is {@code container} or inside it: up the stored closure (ancestors of
     * the file's codes) and the links accepted earlier in this file. Each step goes up a hierarchy
     * a few levels deep, so this is cheap even for a national lookup.
     */
    private static boolean inside(String area, String container, Map<String, Set<String>> ancestors, Map<String, List<String>> newParents) {
        Deque<String> todo = new ArrayDeque<>();
        todo.push(area);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            Set<String> above = ancestors.getOrDefault(next, Set.of());
            if (next.equals(container) || above.contains(container)) {
                return true;
            }
            above.forEach(todo::push);
            newParents.getOrDefault(next, List.of()).forEach(todo::push);
        }
        return false;
    }

    private static String conflictOf(CandidateRow row, Map<String, NewArea> knownAreas, Map<String, String> knownParents) {
        for (NewArea area : row.areas) {
            NewArea known = knownAreas.get(area.code());
            if (known != null && !known.type().equals(area.type())) {
                return "area " + area.code() + " is already known as a " + known.type() + "; this row says it is a " + area.type();
            }
        }
        for (NewLink link : row.links) {
            if (!knownAreas.containsKey(link.childCode()) && row.areas.stream().noneMatch(a -> a.code().equals(link.childCode()))) {
                return "area " + link.childCode() + " is not known; import it before linking it";
            }
            if (!knownAreas.containsKey(link.parentCode()) && row.areas.stream().noneMatch(a -> a.code().equals(link.parentCode()))) {
                return "parent area " + link.parentCode() + " is not known; import it first";
            }
            String knownParent = knownParents.get(link.hierarchy() + "|" + link.childCode());
            if (knownParent != null && !knownParent.equals(link.parentCode())) {
                return "area " + link.childCode() + " already belongs to " + knownParent + " in the " + link.hierarchy()
                        + " hierarchy; this row puts it in " + link.parentCode();
            }
        }
        return null;
    }

    /**
     * Undoes UTF-8 text that was decoded as Latin-1 and encoded again ("MÃ´n" for "Môn"), which
     * occurs in published ONS lookups. Only text that decodes cleanly the second time is changed.
     */
    static String repairDoubleEncoding(String name) {
        if (!MOJIBAKE.matcher(name).find() || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return name;
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    private static boolean looksLikeJson(byte[] content) {
        for (byte b : content) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static final class OnsEntity {
        final String type;
        String codeColumn;
        String nameColumn;

        OnsEntity(String type) {
            this.type = type;
        }
    }

    private static final class CandidateRow {
        final long line;
        final List<NewArea> areas = new ArrayList<>();
        final List<NewLink> links = new ArrayList<>();

        CandidateRow(long line) {
            this.line = line;
        }
    }
}
