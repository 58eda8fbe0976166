package org.sightline.api.intake;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.api.codelists.Codelists;
import org.sightline.api.codelists.Codelists.Codelist;
import org.sightline.api.codelists.Codelists.CodelistValue;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.intake.IntakeDefinition.Column;
import org.sightline.api.intake.IntakePlan.Slot;
import org.sightline.api.intake.RecordAggregator.Aggregate;
import org.sightline.api.intake.RecordAggregator.Cell;
import org.sightline.api.intake.RecordIntakes.StoredIntake;
import org.sightline.api.postcodes.PostcodeDirectory;
import org.sightline.api.releases.Provenance;
import org.sightline.api.releases.ReleaseImporter;
import org.sightline.api.releases.ReleaseReceipt;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ConflictException;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.InvalidFileException;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.indicator.Polarity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defines record-level intakes and turns their record files into releases. A file's records are
 * aggregated to cells as it is read ({@link RecordAggregator}) and the cells are published as a
 * tidy release of each of the intake's indicators through {@link ReleaseImporter}, so publish-time
 * protection runs as for any release. No record, postcode or date of birth is stored anywhere.
 */
@Service
public class RecordIntakeService {

    private final RecordIntakes intakes;
    private final Codelists codelists;
    private final Indicators indicators;
    private final PostcodeDirectory directory;
    private final ReleaseImporter releases;
    private final DataVersion dataVersion;
    private final JsonMapper json;
    private final Clock clock;

    RecordIntakeService(RecordIntakes intakes, Codelists codelists, Indicators indicators, PostcodeDirectory directory,
                        ReleaseImporter releases, DataVersion dataVersion, JsonMapper json, Clock clock) {
        this.intakes = intakes;
        this.codelists = codelists;
        this.indicators = indicators;
        this.directory = directory;
        this.releases = releases;
        this.dataVersion = dataVersion;
        this.json = json;
        this.clock = clock;
    }

    /** The answer to defining an intake: whether it was created, and the indicators it publishes. */
    public record Defined(String intake, boolean created, List<String> indicators, IntakeDefinition definition) {
    }

    /** Refuses, before anything is read, roles that may never define an intake. */
    public static void checkMayDefine(Caller caller) {
        if (caller.role() != Role.STEWARD && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("only a STEWARD (for its own organisation) or an ADMIN defines record intakes");
        }
    }

    /** Refuses, before anything is read, roles that may never upload records. */
    public static void checkMayUpload(Caller caller) {
        if (caller.role() != Role.STEWARD && caller.role() != Role.PARTNER && caller.role() != Role.ADMIN) {
            throw new ForbiddenException("only the stewards and partners of an intake's organisation or of organisations party to it, "
                    + "or an ADMIN, upload records");
        }
    }

    /**
     * Creates the intake and its indicators ({@code <id>-<need>} per published need and
     * {@code <id>-multiple-needs}); an identical re-send changes nothing.
     *
     * @throws ForbiddenException if a steward defines an intake for another organisation
     * @throws ConflictException  if the id exists with another definition
     */
    @Transactional
    public Defined define(IntakeDefinition definition, Caller caller) {
        checkMayDefine(caller);
        Map<String, Integer> organisations = intakes.organisations();
        Integer owner = organisations.get(definition.organisation());
        if (caller.role() == Role.STEWARD && (owner == null || !owner.equals(caller.organisationId()))) {
            throw new ForbiddenException("a steward defines intakes for its own organisation only");
        }
        if (owner == null) {
            throw new IllegalArgumentException("organisation '" + definition.organisation() + "' is not a known organisation code");
        }
        Set<Integer> parties = new HashSet<>();
        for (String party : definition.parties()) {
            Integer id = organisations.get(party);
            if (id == null) {
                throw new IllegalArgumentException("party '" + party + "' is not a known organisation code");
            }
            parties.add(id);
        }
        IntakePlan plan = plan(definition, owner, owner);
        String stored = json.writeValueAsString(definition);
        var existing = intakes.find(definition.id());
        if (existing.isPresent()) {
            if (!existing.get().definitionJson().equals(stored)) {
                throw new ConflictException("record intake '" + definition.id() + "' already exists with a different definition");
            }
            return new Defined(definition.id(), false, plan.indicatorIds, definition);
        }
        String organisationName = intakes.organisationName(owner);
        for (int i = 0; i < plan.indicatorIds.size(); i++) {
            indicators.define(indicatorOf(plan, i, organisationName), owner);
        }
        intakes.insert(definition.id(), owner, stored, parties, caller.id());
        dataVersion.bump();
        return new Defined(definition.id(), true, plan.indicatorIds, definition);
    }

    /**
     * Reads a record file, counts its records and publishes a release of each of the intake's
     * indicators; the identical file sent again changes nothing and returns its first report.
     *
     * @throws ForbiddenException   if the caller's organisation neither owns nor is party to the intake
     * @throws InvalidFileException if a local code is not mapped (the file is refused whole), or no record could be counted
     */
    @Transactional
    public IntakeReport upload(String intakeId, InputStream file, Caller caller) {
        checkMayUpload(caller);
        StoredIntake intake = intakes.find(intakeId)
                .orElseThrow(() -> new NotFoundException("record intake '" + intakeId + "' does not exist"));
        if (caller.role() != Role.ADMIN && !caller.organisationId().equals(intake.organisationId())
                && !intake.parties().contains(caller.organisationId())) {
            throw new ForbiddenException("record intake '" + intakeId + "' belongs to another organisation, and yours is not party to it");
        }
        intakes.lock(intake.dbId());
        IntakeDefinition definition = json.readValue(intake.definitionJson(), IntakeDefinition.class);
        // Local codes are the uploading organisation's own; an operator uploads with the owner's.
        int mappingOrganisation = caller.role() == Role.ADMIN ? intake.organisationId() : caller.organisationId();
        IntakePlan plan = plan(definition, intake.organisationId(), mappingOrganisation);
        MessageDigest sha256 = sha256();
        Aggregate aggregate = new RecordAggregator(plan, directory, LocalDate.now(clock)).read(new DigestInputStream(file, sha256));
        String digest = HexFormat.of().formatHex(sha256.digest());
        var earlier = intakes.uploadedReport(intake.dbId(), digest);
        if (earlier.isPresent()) {
            return json.readValue(earlier.get(), IntakeReport.class).asExisting();
        }
        if (aggregate.unmapped > 0) {
            String more = aggregate.unmapped > RecordAggregator.MAX_LISTED ? " (the first " + RecordAggregator.MAX_LISTED + " are listed)" : "";
            throw new InvalidFileException(aggregate.unmapped + " value(s) use local codes that are not mapped to standard codes" + more
                    + "; nothing was counted. Map them with POST /api/v1/codelists/{type}/mappings and send the file again",
                    aggregate.unmappedCodes);
        }
        if (aggregate.accepted == 0) {
            throw new InvalidFileException("no record of the file could be counted; nothing was published", aggregate.rejections);
        }
        List<IntakeReport.PublishedRelease> published = publish(plan, aggregate, digest, caller);
        Map<String, Double> unknownPercent = new LinkedHashMap<>();
        for (int i = 0; i < plan.slots.size(); i++) {
            unknownPercent.put(plan.slots.get(i).codelist().type(), Math.round(1000.0 * aggregate.unknown[i] / aggregate.accepted) / 10.0);
        }
        IntakeReport report = new IntakeReport(intakeId, true, digest, aggregate.read, aggregate.accepted, aggregate.rejected,
                aggregate.rejections, new IntakeReport.Lines(aggregate.unmatched, aggregate.unmatchedLines),
                new IntakeReport.Lines(aggregate.terminated, aggregate.terminatedLines), unknownPercent, aggregate.needsBeyondBound,
                definition.contributionBound(), aggregate.ignoredColumns, published);
        intakes.recordUpload(intake.dbId(), digest, aggregate.read, aggregate.accepted, aggregate.rejected,
                json.writeValueAsString(report), caller.id());
        // Each release bumped it already; once more last, so the version's row lock is the transaction's final act.
        dataVersion.bump();
        return report;
    }

    /** Writes the cells as each indicator's tidy release file and publishes it. */
    private List<IntakeReport.PublishedRelease> publish(IntakePlan plan, Aggregate aggregate, String digest, Caller caller) {
        IntakeDefinition definition = plan.definition;
        Set<Integer> areasWithRecords = new HashSet<>();
        aggregate.cells.keySet().forEach(c -> areasWithRecords.add(c.area()));
        Map<Integer, String> areaCodes = intakes.areasToCover(areasWithRecords, definition.grain());
        // Every covered area gets a cell in every period of the file, zero when it has no record:
        // its answer is 0, not missing, and each release covers every period of the file. Two
        // padding combinations (all not stated, all first values) keep every area showing two
        // values of each characteristic, so a sparse file never looks like a characteristic of the area.
        List<int[]> padding = new ArrayList<>();
        int[] unknownCombination = new int[4];
        int[] firstCombination = new int[4];
        for (int i = 0; i < plan.slots.size(); i++) {
            Slot slot = plan.slots.get(i);
            List<CodelistValue> known = slot.codelist().values().stream().filter(v -> !v.isUnknown()).toList();
            firstCombination[i] = (known.isEmpty() ? slot.codelist().values() : known).get(0).id();
            unknownCombination[i] = slot.unknown().orElse(slot.codelist().values().get(0)).id();
        }
        padding.add(unknownCombination);
        padding.add(firstCombination);
        Map<Cell, int[]> cells = new HashMap<>(aggregate.cells);
        int[] zero = new int[plan.indicatorIds.size()];
        for (int area : areaCodes.keySet()) {
            for (int period = 0; period < aggregate.periods.size(); period++) {
                for (int[] c : padding) {
                    cells.putIfAbsent(new Cell(period, area, c[0], c[1], c[2], c[3]), zero);
                }
            }
        }
        List<Map<Integer, String>> valueCodes = new ArrayList<>();
        for (Slot slot : plan.slots) {
            Map<Integer, String> codes = new HashMap<>();
            slot.codelist().values().forEach(v -> codes.put(v.id(), v.code()));
            slot.mappings().values().forEach(v -> codes.putIfAbsent(v.id(), v.code()));
            valueCodes.add(codes);
        }
        StringBuilder header = new StringBuilder("area_code,period");
        plan.slots.forEach(s -> header.append(',').append(s.codelist().type()));
        header.append(",count\n");
        String fileName = definition.id() + "-records-" + digest.substring(0, 12) + ".csv";
        String method = "Aggregated on arrival from " + aggregate.accepted + " records (of " + aggregate.read + " read) of record intake '"
                + definition.id() + "', record file SHA-256 " + digest + "; records were not stored.";
        Caller publisher = new Caller(caller.id(), Role.STEWARD, plan.ownerOrganisationId);
        List<IntakeReport.PublishedRelease> published = new ArrayList<>();
        for (int indicator = 0; indicator < plan.indicatorIds.size(); indicator++) {
            StringBuilder csv = new StringBuilder(header);
            for (Map.Entry<Cell, int[]> e : cells.entrySet()) {
                Cell cell = e.getKey();
                csv.append(areaCodes.get(cell.area())).append(',').append(aggregate.periods.get(cell.period()));
                int[] ids = {cell.c1(), cell.c2(), cell.c3(), cell.c4()};
                for (int i = 0; i < plan.slots.size(); i++) {
                    csv.append(',').append(valueCodes.get(i).get(ids[i]));
                }
                csv.append(',').append(e.getValue()[indicator]).append('\n');
            }
            ReleaseReceipt receipt = releases.importRelease(plan.indicatorIds.get(indicator),
                    new java.io.ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), fileName,
                    publisher, new Provenance(method, null, null, null));
            published.add(new IntakeReport.PublishedRelease(receipt.indicator(), receipt.releaseId(), receipt.version(), receipt.created(),
                    receipt.periods()));
        }
        return published;
    }

    /** The intake's codelists, age bands and mappings, checked against the data dictionary. */
    private IntakePlan plan(IntakeDefinition definition, int owner, int mappingOrganisation) {
        List<Slot> slots = new ArrayList<>();
        for (Column column : definition.breakdownColumns()) {
            Codelist codelist = codelist(column.codelist());
            slots.add(new Slot(column, codelist, codelists.mappings(mappingOrganisation, codelist.typeId()),
                    IntakePlan.ageBands(column, codelist)));
        }
        Codelist needCodelist = codelist(definition.needCodelist());
        Slot needs = new Slot(definition.needColumns().get(0), needCodelist, codelists.mappings(mappingOrganisation, needCodelist.typeId()),
                List.of());
        List<CodelistValue> published = new ArrayList<>();
        if (definition.needs().isEmpty()) {
            needCodelist.values().stream().filter(v -> !v.isUnknown()).forEach(published::add);
        } else {
            for (String code : definition.needs()) {
                CodelistValue value = needCodelist.value(code).filter(v -> !v.isUnknown()).orElseThrow(() -> new IllegalArgumentException(
                        "need '" + code + "' is not a value of codelist '" + needCodelist.type() + "' (other than not stated)"));
                if (!published.contains(value)) {
                    published.add(value);
                }
            }
        }
        return new IntakePlan(definition, owner, slots, needs, published);
    }

    private Codelist codelist(String type) {
        return codelists.find(type).orElseThrow(() -> new IllegalArgumentException("codelist '" + type
                + "' does not exist; publish it with POST /api/v1/codelists"));
    }

    private static IndicatorDefinition indicatorOf(IntakePlan plan, int index, String organisationName) {
        IntakeDefinition d = plan.definition;
        boolean multiple = index == plan.multipleNeedsIndex();
        String need = multiple ? null : plan.publishedNeeds.get(index).label();
        List<String> breakdown = plan.slots.stream().map(s -> s.codelist().type()).toList();
        String title = d.title() + (multiple ? ": people with two or more needs" : ": " + need);
        String definitionText = multiple
                ? "People (records) of " + d.title() + " recorded with two or more different needs in the period: the whole-person view."
                : "People (records) of " + d.title() + " recorded with the need '" + need + "' in the period.";
        String methodology = "Record-level intake '" + d.id() + "': each record is one person's contact; its postcode is placed in its "
                + d.grain() + " through the postcode directory, its local codes are mapped to standard codes, and it is counted in the "
                + d.periodRule().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of its contact date. Records are "
                + "aggregated on arrival and never stored. Contribution bound: each record adds 1 to at most one cell of each "
                + "indicator, counts in at most " + d.contributionBound() + " need indicator(s) (needs beyond the bound, in column "
                + "order, are not counted and are reported) and in the multiple-needs indicator when it has two or more distinct "
                + "needs; so one record changes any one indicator's cells by at most 1, and the intake's indicators together by at most "
                + (d.contributionBound() + 1) + ". Blank characteristics count as 'not stated'. Areas of the grain in every district "
                + "with records get a cell, 0 when no record lies in them.";
        return new IndicatorDefinition(multiple ? d.multipleNeedsIndicatorId() : d.needIndicatorId(plan.publishedNeeds.get(index).code()),
                title, definitionText, "people", MeasureType.ADDITIVE_COUNT, 1, Polarity.NO_JUDGEMENT, d.disclosureClass(),
                organisationName + ", record-level intake '" + d.id() + "'",
                d.licence() == null ? "Shared under the partnership's data sharing agreements" : d.licence(), methodology, breakdown);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
