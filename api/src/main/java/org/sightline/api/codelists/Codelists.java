package org.sightline.api.codelists;

import static org.sightline.db.Tables.CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.CHARACTERISTIC_VALUE;
import static org.sightline.db.Tables.CODELIST_VERSION;
import static org.sightline.db.Tables.CODELIST_VERSION_VALUE;
import static org.sightline.db.Tables.CODE_MAPPING;
import static org.sightline.db.Tables.ORGANISATION;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.sightline.api.characteristics.CharacteristicTypeDefinition;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.springframework.stereotype.Repository;

/** Codelists (characteristic types with definitions, sources and versions) and local-code mappings in PostgreSQL. */
@Repository
public class Codelists {

    /** A codelist as it stands now: its current version's values, total excluded, in display order. */
    public record Codelist(int typeId, String type, String name, String definition, String source, int version, boolean ordered,
                           List<CodelistValue> values) {

        public Optional<CodelistValue> value(String code) {
            return values.stream().filter(v -> v.code().equals(code)).findFirst();
        }

        /** The first value meaning "not stated / unknown", if the list has one. */
        public Optional<CodelistValue> unknownValue() {
            return values.stream().filter(CodelistValue::isUnknown).findFirst();
        }
    }

    /** A value of a codelist (or of one version of it). */
    public record CodelistValue(int id, String code, String label, String definition, boolean isUnknown, int sortOrder) {
    }

    /** One version of a codelist, with the values it had. */
    public record CodelistVersion(int typeId, int version, String name, String definition, String source, String createdBy,
                                  OffsetDateTime createdAt, List<CodelistValue> values) {
    }

    /** One organisation's local code and the standard value it stands for. */
    public record CodeMapping(String organisation, String type, String localCode, String standardCode, String standardLabel) {
    }

    private final DSLContext db;
    private final CharacteristicTypes characteristicTypes;

    Codelists(DSLContext db, CharacteristicTypes characteristicTypes) {
        this.db = db;
        this.characteristicTypes = characteristicTypes;
    }

    public List<Codelist> all() {
        return new ArrayList<>(load(null).values());
    }

    public Optional<Codelist> find(String type) {
        return Optional.ofNullable(load(List.of(type)).get(type));
    }

    private Map<String, Codelist> load(Collection<String> types) {
        // The current version's values: a value retired by a later version is kept for stored cells but not listed.
        var current = DSL.exists(DSL.selectOne().from(CODELIST_VERSION_VALUE)
                .where(CODELIST_VERSION_VALUE.TYPE_ID.eq(CHARACTERISTIC_TYPE.ID))
                .and(CODELIST_VERSION_VALUE.VERSION.eq(CHARACTERISTIC_TYPE.VERSION))
                .and(CODELIST_VERSION_VALUE.VALUE_ID.eq(CHARACTERISTIC_VALUE.ID)));
        Map<String, Codelist> lists = new LinkedHashMap<>();
        db.select(CHARACTERISTIC_TYPE.ID, CHARACTERISTIC_TYPE.CODE, CHARACTERISTIC_TYPE.NAME, CHARACTERISTIC_TYPE.DEFINITION,
                        CHARACTERISTIC_TYPE.SOURCE, CHARACTERISTIC_TYPE.VERSION, CHARACTERISTIC_TYPE.ORDERED,
                        CHARACTERISTIC_VALUE.ID, CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.LABEL, CHARACTERISTIC_VALUE.DEFINITION,
                        CHARACTERISTIC_VALUE.IS_UNKNOWN, CHARACTERISTIC_VALUE.SORT_ORDER)
                .from(CHARACTERISTIC_TYPE)
                .leftJoin(CHARACTERISTIC_VALUE).on(CHARACTERISTIC_VALUE.TYPE_ID.eq(CHARACTERISTIC_TYPE.ID)
                        .and(CHARACTERISTIC_VALUE.IS_TOTAL.isFalse()).and(current))
                .where(types == null ? DSL.noCondition() : CHARACTERISTIC_TYPE.CODE.in(types))
                .orderBy(CHARACTERISTIC_TYPE.CODE, CHARACTERISTIC_VALUE.SORT_ORDER)
                .forEach(r -> {
                    Codelist list = lists.computeIfAbsent(r.value2(), c -> new Codelist(r.value1(), c, r.value3(), r.value4(), r.value5(),
                            r.value6(), r.value7(), new ArrayList<>()));
                    if (r.value8() != null) {
                        list.values().add(new CodelistValue(r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13()));
                    }
                });
        return lists;
    }

    /** Every version of the given codelists (by type id), oldest first, with their values. */
    public Map<Integer, List<CodelistVersion>> versions(Collection<Integer> typeIds) {
        Map<Integer, List<CodelistVersion>> result = new HashMap<>();
        Map<List<Integer>, CodelistVersion> byKey = new LinkedHashMap<>();
        db.select(CODELIST_VERSION.TYPE_ID, CODELIST_VERSION.VERSION, CODELIST_VERSION.NAME, CODELIST_VERSION.DEFINITION,
                        CODELIST_VERSION.SOURCE, CODELIST_VERSION.CREATED_BY, CODELIST_VERSION.CREATED_AT,
                        CODELIST_VERSION_VALUE.VALUE_ID, CODELIST_VERSION_VALUE.CODE, CODELIST_VERSION_VALUE.LABEL,
                        CODELIST_VERSION_VALUE.DEFINITION, CODELIST_VERSION_VALUE.IS_UNKNOWN, CODELIST_VERSION_VALUE.SORT_ORDER)
                .from(CODELIST_VERSION)
                .leftJoin(CODELIST_VERSION_VALUE).on(CODELIST_VERSION_VALUE.TYPE_ID.eq(CODELIST_VERSION.TYPE_ID)
                        .and(CODELIST_VERSION_VALUE.VERSION.eq(CODELIST_VERSION.VERSION)))
                .where(CODELIST_VERSION.TYPE_ID.in(typeIds))
                .orderBy(CODELIST_VERSION.TYPE_ID, CODELIST_VERSION.VERSION, CODELIST_VERSION_VALUE.SORT_ORDER)
                .forEach(r -> {
                    CodelistVersion v = byKey.computeIfAbsent(List.of(r.value1(), r.value2()), k -> {
                        CodelistVersion created = new CodelistVersion(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                                r.value6(), r.value7(), new ArrayList<>());
                        result.computeIfAbsent(r.value1(), t -> new ArrayList<>()).add(created);
                        return created;
                    });
                    if (r.value8() != null) {
                        v.values().add(new CodelistValue(r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13()));
                    }
                });
        return result;
    }

    /**
     * Publishes the codelist: creates it, or does nothing if it is the current version already, or
     * makes the next version (values added, relabelled, redefined, re-marked, reordered or retired).
     *
     * @return the version now current, and whether this call changed anything
     */
    public Revision publish(CodelistDefinition definition, String by) {
        Optional<Codelist> existing = find(definition.code());
        if (existing.isEmpty()) {
            characteristicTypes.define(new CharacteristicTypeDefinition(definition.code(), definition.name(), definition.ordered(),
                    definition.values().stream().map(v -> new CharacteristicTypeDefinition.Value(v.code(), v.label())).toList()));
            Codelist created = find(definition.code()).orElseThrow();
            describe(created.typeId(), definition);
            db.update(CODELIST_VERSION).set(CODELIST_VERSION.DEFINITION, definition.definition())
                    .set(CODELIST_VERSION.SOURCE, definition.source()).set(CODELIST_VERSION.CREATED_BY, by)
                    .where(CODELIST_VERSION.TYPE_ID.eq(created.typeId())).execute();
            snapshotValues(created.typeId(), 1);
            return new Revision(1, true);
        }
        Codelist list = existing.get();
        if (sameAs(list, definition)) {
            return new Revision(list.version(), false);
        }
        int version = list.version() + 1;
        Map<String, Integer> ids = db.select(CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.ID).from(CHARACTERISTIC_VALUE)
                .where(CHARACTERISTIC_VALUE.TYPE_ID.eq(list.typeId())).fetchMap(CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.ID);
        int order = db.select(DSL.max(CHARACTERISTIC_VALUE.SORT_ORDER)).from(CHARACTERISTIC_VALUE)
                .where(CHARACTERISTIC_VALUE.TYPE_ID.eq(list.typeId())).fetchOne().value1();
        for (CodelistDefinition.Value v : definition.values()) {
            if (!ids.containsKey(v.code())) {
                db.insertInto(CHARACTERISTIC_VALUE, CHARACTERISTIC_VALUE.TYPE_ID, CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.LABEL,
                        CHARACTERISTIC_VALUE.SORT_ORDER, CHARACTERISTIC_VALUE.IS_TOTAL).values(list.typeId(), v.code().strip(),
                        v.label().strip(), ++order, false).execute();
            }
        }
        db.update(CHARACTERISTIC_TYPE).set(CHARACTERISTIC_TYPE.VERSION, version).set(CHARACTERISTIC_TYPE.NAME, definition.name().strip())
                .where(CHARACTERISTIC_TYPE.ID.eq(list.typeId())).execute();
        db.insertInto(CODELIST_VERSION, CODELIST_VERSION.TYPE_ID, CODELIST_VERSION.VERSION, CODELIST_VERSION.NAME,
                        CODELIST_VERSION.DEFINITION, CODELIST_VERSION.SOURCE, CODELIST_VERSION.CREATED_BY)
                .values(list.typeId(), version, definition.name().strip(), definition.definition(), definition.source(), by).execute();
        describe(list.typeId(), definition);
        // Display order is the new version's; retired values follow, in their old order.
        int position = 0;
        for (CodelistDefinition.Value v : definition.values()) {
            db.update(CHARACTERISTIC_VALUE).set(CHARACTERISTIC_VALUE.SORT_ORDER, ++position)
                    .where(CHARACTERISTIC_VALUE.TYPE_ID.eq(list.typeId())).and(CHARACTERISTIC_VALUE.CODE.eq(v.code().strip())).execute();
        }
        db.execute("""
                UPDATE characteristic_value v SET sort_order = ? + r.n FROM (
                    SELECT id, row_number() OVER (ORDER BY sort_order) AS n FROM characteristic_value
                    WHERE type_id = ? AND NOT is_total AND code <> ALL (?::varchar[])) r
                WHERE v.id = r.id""", position, list.typeId(),
                definition.values().stream().map(v -> v.code().strip()).toArray(String[]::new));
        snapshotValues(list.typeId(), version, definition);
        return new Revision(version, true);
    }

    /** The version a publish left current, and whether it changed anything. */
    public record Revision(int version, boolean changed) {
    }

    /** Sets the type's definition and source and each listed value's label, definition and unknown mark. */
    private void describe(int typeId, CodelistDefinition definition) {
        db.update(CHARACTERISTIC_TYPE).set(CHARACTERISTIC_TYPE.DEFINITION, definition.definition())
                .set(CHARACTERISTIC_TYPE.SOURCE, definition.source()).where(CHARACTERISTIC_TYPE.ID.eq(typeId)).execute();
        for (CodelistDefinition.Value v : definition.values()) {
            db.update(CHARACTERISTIC_VALUE).set(CHARACTERISTIC_VALUE.LABEL, v.label().strip())
                    .set(CHARACTERISTIC_VALUE.DEFINITION, v.definition()).set(CHARACTERISTIC_VALUE.IS_UNKNOWN, v.isUnknown())
                    .where(CHARACTERISTIC_VALUE.TYPE_ID.eq(typeId)).and(CHARACTERISTIC_VALUE.CODE.eq(v.code().strip())).execute();
        }
    }

    /** Records the values of version 1 of a new type: all of them. */
    private void snapshotValues(int typeId, int version) {
        db.deleteFrom(CODELIST_VERSION_VALUE).where(CODELIST_VERSION_VALUE.TYPE_ID.eq(typeId))
                .and(CODELIST_VERSION_VALUE.VERSION.eq(version)).execute();
        db.execute("""
                INSERT INTO codelist_version_value (type_id, version, value_id, code, label, definition, is_unknown, sort_order)
                SELECT type_id, ?, id, code, label, definition, is_unknown, sort_order FROM characteristic_value
                WHERE type_id = ? AND NOT is_total""", version, typeId);
    }

    /** Records the values of a new version: those listed, in the order listed. */
    private void snapshotValues(int typeId, int version, CodelistDefinition definition) {
        int order = 1;
        for (CodelistDefinition.Value v : definition.values()) {
            db.execute("""
                    INSERT INTO codelist_version_value (type_id, version, value_id, code, label, definition, is_unknown, sort_order)
                    SELECT type_id, ?, id, code, label, definition, is_unknown, ? FROM characteristic_value
                    WHERE type_id = ? AND code = ?""", version, order++, typeId, v.code().strip());
        }
    }

    private static boolean sameAs(Codelist list, CodelistDefinition definition) {
        if (!list.name().equals(definition.name().strip()) || !Objects.equals(list.definition(), definition.definition())
                || !Objects.equals(list.source(), definition.source()) || list.values().size() != definition.values().size()) {
            return false;
        }
        for (int i = 0; i < list.values().size(); i++) {
            CodelistValue stored = list.values().get(i);
            CodelistDefinition.Value wanted = definition.values().get(i);
            if (!stored.code().equals(wanted.code().strip()) || !stored.label().equals(wanted.label().strip())
                    || !Objects.equals(stored.definition(), wanted.definition()) || stored.isUnknown() != wanted.isUnknown()) {
                return false;
            }
        }
        return true;
    }

    /** An organisation's mappings for one codelist, by local code. */
    public Map<String, CodelistValue> mappings(int organisationId, int typeId) {
        Map<String, CodelistValue> mappings = new HashMap<>();
        db.select(CODE_MAPPING.LOCAL_CODE, CHARACTERISTIC_VALUE.ID, CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.LABEL,
                        CHARACTERISTIC_VALUE.DEFINITION, CHARACTERISTIC_VALUE.IS_UNKNOWN, CHARACTERISTIC_VALUE.SORT_ORDER)
                .from(CODE_MAPPING).join(CHARACTERISTIC_VALUE).on(CHARACTERISTIC_VALUE.ID.eq(CODE_MAPPING.VALUE_ID))
                .where(CODE_MAPPING.ORGANISATION_ID.eq(organisationId)).and(CODE_MAPPING.TYPE_ID.eq(typeId))
                .forEach(r -> mappings.put(r.value1(), new CodelistValue(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
        return mappings;
    }

    /** An organisation's mappings for one codelist, for GraphQL, by local code. */
    public List<CodeMapping> mappingsOf(String organisationCode, String type) {
        return db.select(ORGANISATION.CODE, CHARACTERISTIC_TYPE.CODE, CODE_MAPPING.LOCAL_CODE, CHARACTERISTIC_VALUE.CODE,
                        CHARACTERISTIC_VALUE.LABEL)
                .from(CODE_MAPPING)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CODE_MAPPING.ORGANISATION_ID))
                .join(CHARACTERISTIC_TYPE).on(CHARACTERISTIC_TYPE.ID.eq(CODE_MAPPING.TYPE_ID))
                .join(CHARACTERISTIC_VALUE).on(CHARACTERISTIC_VALUE.ID.eq(CODE_MAPPING.VALUE_ID))
                .where(ORGANISATION.CODE.eq(organisationCode)).and(CHARACTERISTIC_TYPE.CODE.eq(type))
                .orderBy(CODE_MAPPING.LOCAL_CODE)
                .fetch(r -> new CodeMapping(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Sets a mapping; returns whether it was new, changed or already so. */
    MappingChange map(int organisationId, int typeId, String localCode, int valueId, String by) {
        Integer current = db.select(CODE_MAPPING.VALUE_ID).from(CODE_MAPPING).where(CODE_MAPPING.ORGANISATION_ID.eq(organisationId))
                .and(CODE_MAPPING.TYPE_ID.eq(typeId)).and(CODE_MAPPING.LOCAL_CODE.eq(localCode)).forUpdate().fetchOne(CODE_MAPPING.VALUE_ID);
        if (current != null && current == valueId) {
            return MappingChange.UNCHANGED;
        }
        db.insertInto(CODE_MAPPING, CODE_MAPPING.ORGANISATION_ID, CODE_MAPPING.TYPE_ID, CODE_MAPPING.LOCAL_CODE, CODE_MAPPING.VALUE_ID,
                        CODE_MAPPING.CREATED_BY)
                .values(organisationId, typeId, localCode, valueId, by)
                .onConflict(CODE_MAPPING.ORGANISATION_ID, CODE_MAPPING.TYPE_ID, CODE_MAPPING.LOCAL_CODE)
                .doUpdate().set(CODE_MAPPING.VALUE_ID, valueId).set(CODE_MAPPING.CREATED_BY, by)
                .set(CODE_MAPPING.CREATED_AT, OffsetDateTime.now())
                .execute();
        return current == null ? MappingChange.ADDED : MappingChange.CHANGED;
    }

    enum MappingChange { ADDED, CHANGED, UNCHANGED }

    /** Organisation ids by code. */
    Map<String, Integer> organisations() {
        return db.select(ORGANISATION.CODE, ORGANISATION.ID).from(ORGANISATION).fetchMap(ORGANISATION.CODE, ORGANISATION.ID);
    }
}
