package org.sightline.api.gaps;

import static org.sightline.db.Tables.AREA_TYPE;
import static org.sightline.db.Tables.CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.DATA_GAP;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.ORGANISATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gaps log. Anyone with a key or token may raise a gap (the people who notice gaps are the
 * people who use the data); it is closed by whoever answers for the data: a STEWARD of the
 * organisation owning the indicator (or, for a gap about no indicator, of the organisation that
 * raised it) or an ADMIN. Every refusal is made before anything is written.
 */
@Service
public class DataGaps {

    static final int MAX_TEXT = 4_000;

    private final DSLContext db;
    private final IndicatorCatalogue indicators;
    private final CharacteristicTypes characteristicTypes;
    private final AreaDirectory areas;
    private final DataVersion dataVersion;
    private final Clock clock;

    DataGaps(DSLContext db, IndicatorCatalogue indicators, CharacteristicTypes characteristicTypes, AreaDirectory areas,
             DataVersion dataVersion, Clock clock) {
        this.db = db;
        this.indicators = indicators;
        this.characteristicTypes = characteristicTypes;
        this.areas = areas;
        this.dataVersion = dataVersion;
        this.clock = clock;
    }

    /** The log, newest first; with an indicator id, its entries (NOT_FOUND if there is no such indicator). */
    public List<DataGap> list(String indicator) {
        Condition condition = DSL.noCondition();
        if (indicator != null) {
            condition = DATA_GAP.INDICATOR_ID.eq(indicators.require(indicator).dbId());
        }
        return select().where(condition).orderBy(DATA_GAP.ID.desc()).fetch(DataGaps::gapOf);
    }

    /**
     * Raises a gap (OPEN).
     *
     * @throws ForbiddenException for PUBLIC
     */
    @Transactional
    public DataGap raise(Caller caller, String indicator, String characteristicType, String areaType, String description) {
        if (caller.role() == Role.PUBLIC) {
            throw new ForbiddenException("raising a gap needs an API key or token (any role); the public may read the gaps log");
        }
        String text = requireText(description, "description");
        Integer indicatorDbId = indicator == null ? null : indicators.require(indicator).dbId();
        Integer typeId = null;
        if (characteristicType != null) {
            typeId = characteristicTypes.find(characteristicType).orElseThrow(() -> new IllegalArgumentException(
                    "characteristicType '" + characteristicType + "' does not exist; see characteristicTypes")).id();
        }
        if (areaType != null && !areas.isAreaType(areaType)) {
            throw new IllegalArgumentException("areaType '" + areaType + "' does not exist; expected one of " + areas.areaTypeCodes());
        }
        int id = db.insertInto(DATA_GAP)
                .set(DATA_GAP.INDICATOR_ID, indicatorDbId)
                .set(DATA_GAP.CHARACTERISTIC_TYPE_ID, typeId)
                .set(DATA_GAP.AREA_TYPE, areaType)
                .set(DATA_GAP.DESCRIPTION, text)
                .set(DATA_GAP.RAISED_BY, caller.id())
                .set(DATA_GAP.RAISED_BY_ORGANISATION_ID, caller.organisationId())
                .set(DATA_GAP.RAISED_AT, OffsetDateTime.now(clock))
                .set(DATA_GAP.STATUS, "OPEN")
                .returning(DATA_GAP.ID).fetchOne().getId();
        // The public's answers are kept per data version, and they show the log.
        dataVersion.bump();
        return find(id).orElseThrow();
    }

    /**
     * Closes an OPEN gap with a resolution.
     *
     * @throws NotFoundException        if there is no such gap
     * @throws ForbiddenException       unless the caller answers for the gap
     * @throws IllegalArgumentException if it is already closed or the resolution is empty
     */
    @Transactional
    DataGap close(Caller caller, String gapId, String resolution) {
        int id;
        try {
            id = Integer.parseInt(gapId.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("no gap has the id '" + gapId + "'");
        }
        var row = db.select(DATA_GAP.INDICATOR_ID, DATA_GAP.RAISED_BY_ORGANISATION_ID, DATA_GAP.STATUS, INDICATOR.SLUG)
                .from(DATA_GAP).leftJoin(INDICATOR).on(INDICATOR.ID.eq(DATA_GAP.INDICATOR_ID))
                .where(DATA_GAP.ID.eq(id)).forUpdate().of(DATA_GAP).fetchOptional()
                .orElseThrow(() -> new NotFoundException("no gap has the id '" + gapId + "'"));
        if (caller.role() != Role.ADMIN) {
            Integer answering = row.value4() == null ? row.value2() : indicators.require(row.value4()).ownerOrganisationId();
            boolean steward = caller.role() == Role.STEWARD && caller.organisationId().equals(answering);
            if (!steward) {
                throw new ForbiddenException("only an ADMIN or a STEWARD of the organisation that "
                        + (row.value4() == null ? "raised gap " + id : "owns indicator '" + row.value4() + "'")
                        + " may close it; you are " + caller.role() + (caller.role() == Role.STEWARD ? " of another organisation" : ""));
            }
        }
        if (!"OPEN".equals(row.value3())) {
            throw new IllegalArgumentException("gap " + id + " is already closed");
        }
        String text = requireText(resolution, "resolution");
        db.update(DATA_GAP)
                .set(DATA_GAP.STATUS, "CLOSED")
                .set(DATA_GAP.CLOSED_BY, caller.id())
                .set(DATA_GAP.CLOSED_AT, OffsetDateTime.now(clock))
                .set(DATA_GAP.RESOLUTION, text)
                .where(DATA_GAP.ID.eq(id)).execute();
        dataVersion.bump();
        return find(id).orElseThrow();
    }

    Optional<DataGap> find(int id) {
        return select().where(DATA_GAP.ID.eq(id)).fetchOptional(DataGaps::gapOf);
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return db.select(DATA_GAP.asterisk(), INDICATOR.SLUG, CHARACTERISTIC_TYPE.CODE, ORGANISATION.CODE)
                .from(DATA_GAP)
                .leftJoin(INDICATOR).on(INDICATOR.ID.eq(DATA_GAP.INDICATOR_ID))
                .leftJoin(CHARACTERISTIC_TYPE).on(CHARACTERISTIC_TYPE.ID.eq(DATA_GAP.CHARACTERISTIC_TYPE_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(DATA_GAP.RAISED_BY_ORGANISATION_ID));
    }

    private static DataGap gapOf(Record r) {
        return new DataGap(r.get(DATA_GAP.ID), r.get(INDICATOR.SLUG), r.get(CHARACTERISTIC_TYPE.CODE), r.get(DATA_GAP.AREA_TYPE),
                r.get(DATA_GAP.DESCRIPTION), r.get(DATA_GAP.RAISED_BY), r.get(ORGANISATION.CODE), r.get(DATA_GAP.RAISED_AT),
                r.get(DATA_GAP.STATUS), r.get(DATA_GAP.CLOSED_BY), r.get(DATA_GAP.CLOSED_AT), r.get(DATA_GAP.RESOLUTION));
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
