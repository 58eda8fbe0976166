package org.sightline.api.characteristics;

import static org.sightline.db.Tables.CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.CHARACTERISTIC_VALUE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.sightline.api.versions.DataVersion;
import org.sightline.api.web.ConflictException;
import org.sightline.domain.observation.CharacteristicRef;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Characteristic types and their values in PostgreSQL. */
@Repository
public class CharacteristicTypes {

    /**
     * A stored type with its values in display order (total first).
     *
     * @param areaDerived whether the value is a function of the area (an IMD decile), so that
     *                    breaking an area down by it splits the area into its base areas
     */
    public record StoredType(int id, String code, String name, boolean ordered, List<StoredValue> values, boolean areaDerived) {

        public StoredType(int id, String code, String name, boolean ordered, List<StoredValue> values) {
            this(id, code, name, ordered, values, false);
        }

        /** The total value (every type has one). */
        public StoredValue totalValue() {
            return values.stream().filter(StoredValue::total).findFirst().orElseThrow();
        }

        /** The values other than the total, in display order. */
        public List<StoredValue> detailValues() {
            return values.stream().filter(v -> !v.total()).toList();
        }
        public Optional<StoredValue> value(String valueCode) {
            return values.stream().filter(v -> v.code().equals(valueCode)).findFirst();
        }
    }

    /** A stored value. */
    public record StoredValue(int id, String type, String code, String label, int sortOrder, boolean total) {
        public CharacteristicRef ref() {
            return new CharacteristicRef(type, code, label, sortOrder);
        }
    }

    private final DSLContext db;
    private final DataVersion dataVersion;

    CharacteristicTypes(DSLContext db, DataVersion dataVersion) {
        this.db = db;
        this.dataVersion = dataVersion;
    }

    /**
     * Creates the type and its values, or does nothing if an identical definition exists.
     *
     * @return true if created
     * @throws ConflictException if the code exists with a different definition
     */
    @Transactional
    public boolean define(CharacteristicTypeDefinition definition) {
        Optional<StoredType> existing = find(definition.code());
        if (existing.isPresent()) {
            if (!sameAs(existing.get(), definition)) {
                throw new ConflictException("characteristic type '" + definition.code()
                        + "' already exists with a different name or values");
            }
            if (definition.areaDerived() && !existing.get().areaDerived()) {
                // Marking a type as a characteristic of the area only ever protects more.
                db.update(CHARACTERISTIC_TYPE).set(CHARACTERISTIC_TYPE.AREA_DERIVED, true)
                        .where(CHARACTERISTIC_TYPE.ID.eq(existing.get().id())).execute();
                dataVersion.bump();
            }
            return false;
        }
        int typeId = db.insertInto(CHARACTERISTIC_TYPE, CHARACTERISTIC_TYPE.CODE, CHARACTERISTIC_TYPE.NAME, CHARACTERISTIC_TYPE.ORDERED,
                        CHARACTERISTIC_TYPE.AREA_DERIVED)
                .values(definition.code(), definition.name().strip(), definition.ordered(), definition.areaDerived())
                .returning(CHARACTERISTIC_TYPE.ID).fetchOne().getId();
        var insert = db.insertInto(CHARACTERISTIC_VALUE, CHARACTERISTIC_VALUE.TYPE_ID, CHARACTERISTIC_VALUE.CODE,
                        CHARACTERISTIC_VALUE.LABEL, CHARACTERISTIC_VALUE.SORT_ORDER, CHARACTERISTIC_VALUE.IS_TOTAL)
                .values(typeId, "total", "Total", 0, true);
        int order = 1;
        for (CharacteristicTypeDefinition.Value value : definition.values()) {
            insert = insert.values(typeId, value.code().strip(), value.label().strip(), order++, false);
        }
        insert.execute();
        // Version 1 of the type's codelist (the data dictionary versions every later change of its values).
        db.execute("INSERT INTO codelist_version (type_id, version, name, created_by) VALUES (?, 1, ?, 'characteristic-types')",
                typeId, definition.name().strip());
        db.execute("""
                INSERT INTO codelist_version_value (type_id, version, value_id, code, label, definition, is_unknown, sort_order)
                SELECT type_id, 1, id, code, label, definition, is_unknown, sort_order FROM characteristic_value
                WHERE type_id = ? AND NOT is_total""", typeId);
        return true;
    }

    public Optional<StoredType> find(String code) {
        return byCodes(List.of(code)).values().stream().findFirst();
    }

    public List<StoredType> all() {
        return new ArrayList<>(load(null).values());
    }

    /** Types by code, in the order asked for; unknown codes are absent from the map. */
    public Map<String, StoredType> byCodes(List<String> codes) {
        Map<String, StoredType> loaded = load(codes);
        Map<String, StoredType> ordered = new LinkedHashMap<>();
        codes.forEach(c -> {
            if (loaded.containsKey(c)) {
                ordered.put(c, loaded.get(c));
            }
        });
        return ordered;
    }

    private Map<String, StoredType> load(List<String> codes) {
        var condition = codes == null ? org.jooq.impl.DSL.noCondition() : CHARACTERISTIC_TYPE.CODE.in(codes);
        Map<String, StoredType> types = new LinkedHashMap<>();
        db.select(CHARACTERISTIC_TYPE.ID, CHARACTERISTIC_TYPE.CODE, CHARACTERISTIC_TYPE.NAME, CHARACTERISTIC_TYPE.ORDERED,
                        CHARACTERISTIC_VALUE.ID, CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.LABEL,
                        CHARACTERISTIC_VALUE.SORT_ORDER, CHARACTERISTIC_VALUE.IS_TOTAL, CHARACTERISTIC_TYPE.AREA_DERIVED)
                .from(CHARACTERISTIC_TYPE)
                .join(CHARACTERISTIC_VALUE).on(CHARACTERISTIC_VALUE.TYPE_ID.eq(CHARACTERISTIC_TYPE.ID))
                .where(condition)
                .orderBy(CHARACTERISTIC_TYPE.CODE, CHARACTERISTIC_VALUE.SORT_ORDER)
                .forEach(r -> types.computeIfAbsent(r.value2(),
                                c -> new StoredType(r.value1(), c, r.value3(), r.value4(), new ArrayList<>(), r.value10()))
                        .values().add(new StoredValue(r.value5(), r.value2(), r.value6(), r.value7(), r.value8(), r.value9())));
        return types;
    }

    private static boolean sameAs(StoredType stored, CharacteristicTypeDefinition definition) {
        List<StoredValue> values = stored.values().stream().filter(v -> !v.total()).toList();
        if (!stored.name().equals(definition.name().strip()) || stored.ordered() != definition.ordered()
                || values.size() != definition.values().size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).code().equals(definition.values().get(i).code().strip())
                    || !values.get(i).label().equals(definition.values().get(i).label().strip())) {
                return false;
            }
        }
        return true;
    }
}
