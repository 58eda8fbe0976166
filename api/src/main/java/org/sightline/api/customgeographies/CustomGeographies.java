package org.sightline.api.customgeographies;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.AREA_TYPE;
import static org.sightline.db.Tables.CUSTOM_GEOGRAPHY;
import static org.sightline.db.Tables.CUSTOM_GEOGRAPHY_MEMBER;
import static org.sightline.db.Tables.ORGANISATION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.sightline.api.geography.AreaGrains;
import org.jooq.impl.DSL;
import org.sightline.api.database.Codes;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.InvalidQueryException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines custom geographies and reads them back. A definition is checked whole before anything
 * is stored (every member exists, is a standard area, and overlaps no other member, so no base
 * cell is counted twice) and then stored in one transaction: the custom area, its members and its
 * closure rows.
 */
@Repository
public class CustomGeographies {

    /** Enough for a neighbourhood made of LSOAs in a large district; bigger sets are standard areas. */
    static final int MAX_MEMBERS = 5_000;
    static final String CODE_PREFIX = "custom-";

    private final DSLContext db;
    private final AreaGrains grains;

    CustomGeographies(DSLContext db, AreaGrains grains) {
        this.db = db;
        this.grains = grains;
    }

    @Transactional
    public CustomGeography define(Caller caller, String name, String description, List<String> memberCodes) {
        if (caller.role() == Role.PUBLIC) {
            throw new ForbiddenException("defining a custom geography needs an API key or token: it is recorded against "
                    + "your organisation");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidQueryException("name: give a name of 1 to 200 characters");
        }
        Set<String> codes = new LinkedHashSet<>(memberCodes == null ? List.of() : memberCodes.stream().map(String::strip).toList());
        if (codes.isEmpty() || codes.size() > MAX_MEMBERS) {
            throw new InvalidQueryException("members: give 1 to " + MAX_MEMBERS + " area codes");
        }
        var wanted = Codes.table(codes, "wanted");
        Map<String, Member> found = db.select(AREA.CODE, AREA.ID, AREA.AREA_TYPE, AREA_TYPE.GRANULARITY)
                .from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .join(AREA_TYPE).on(AREA_TYPE.CODE.eq(AREA.AREA_TYPE))
                .fetchMap(AREA.CODE, r -> new Member(r.value2(), r.value3(), r.value4()));
        List<String> unknown = codes.stream().filter(c -> !found.containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidQueryException("members: no area has the code(s) " + unknown);
        }
        List<String> custom = codes.stream().filter(c -> found.get(c).type().equals("custom")).toList();
        if (!custom.isEmpty()) {
            throw new InvalidQueryException("members: " + custom + " are custom geographies; list their standard areas instead");
        }
        List<Integer> ids = found.values().stream().map(Member::id).toList();
        List<String> overlaps = overlaps(ids);
        if (!overlaps.isEmpty()) {
            throw new InvalidQueryException("members overlap, so some base cells would be counted twice: " + overlaps);
        }
        String memberType = found.values().stream().max(java.util.Comparator.comparingInt(Member::granularity)).orElseThrow().type();
        String code = CODE_PREFIX + db.nextval("custom_geography_code_seq");
        int areaId = db.insertInto(AREA, AREA.CODE, AREA.NAME, AREA.AREA_TYPE).values(code, name.strip(), "custom")
                .returning(AREA.ID).fetchOne(AREA.ID);
        db.insertInto(CUSTOM_GEOGRAPHY, CUSTOM_GEOGRAPHY.AREA_ID, CUSTOM_GEOGRAPHY.DESCRIPTION, CUSTOM_GEOGRAPHY.MEMBER_TYPE,
                        CUSTOM_GEOGRAPHY.OWNER_ORGANISATION_ID, CUSTOM_GEOGRAPHY.CREATED_BY)
                .values(areaId, description == null || description.isBlank() ? null : description.strip(), memberType,
                        caller.organisationId(), caller.id())
                .execute();
        var insert = db.insertInto(CUSTOM_GEOGRAPHY_MEMBER, CUSTOM_GEOGRAPHY_MEMBER.CUSTOM_AREA_ID, CUSTOM_GEOGRAPHY_MEMBER.MEMBER_AREA_ID);
        for (int id : ids) {
            insert = insert.values(areaId, id);
        }
        insert.execute();
        // The custom area contains itself, its members and everything inside them.
        db.insertInto(AREA_CLOSURE, AREA_CLOSURE.ANCESTOR_ID, AREA_CLOSURE.DESCENDANT_ID, AREA_CLOSURE.DEPTH)
                .values(areaId, areaId, (short) 0).execute();
        db.insertInto(AREA_CLOSURE, AREA_CLOSURE.ANCESTOR_ID, AREA_CLOSURE.DESCENDANT_ID, AREA_CLOSURE.DEPTH)
                .select(db.select(DSL.val(areaId), AREA_CLOSURE.DESCENDANT_ID,
                                DSL.min(AREA_CLOSURE.DEPTH).plus((short) 1).cast(Short.class))
                        .from(AREA_CLOSURE)
                        .where(AREA_CLOSURE.ANCESTOR_ID.in(ids))
                        .groupBy(AREA_CLOSURE.DESCENDANT_ID))
                .execute();
        grains.refresh(areaId);
        return find(db, code).orElseThrow();
    }

    public Optional<CustomGeography> find(String code) {
        return find(db, code);
    }

    /** The member type (finest member level) of each of the codes that is a custom geography. */
    public Map<String, String> memberTypes(Collection<String> codes) {
        // Only custom codes can be custom geographies: most questions need no lookup at all.
        List<String> custom = codes.stream().filter(c -> c.startsWith(CODE_PREFIX)).toList();
        if (custom.isEmpty()) {
            return Map.of();
        }
        var wanted = Codes.table(custom, "wanted");
        return db.select(AREA.CODE, CUSTOM_GEOGRAPHY.MEMBER_TYPE).from(wanted)
                .join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .join(CUSTOM_GEOGRAPHY).on(CUSTOM_GEOGRAPHY.AREA_ID.eq(AREA.ID))
                .fetchMap(AREA.CODE, CUSTOM_GEOGRAPHY.MEMBER_TYPE);
    }

    private static Optional<CustomGeography> find(DSLContext db, String code) {
        var header = db.select(AREA.ID, AREA.CODE, AREA.NAME, AREA.AREA_TYPE, CUSTOM_GEOGRAPHY.DESCRIPTION,
                        CUSTOM_GEOGRAPHY.MEMBER_TYPE, ORGANISATION.NAME, CUSTOM_GEOGRAPHY.CREATED_AT)
                .from(CUSTOM_GEOGRAPHY)
                .join(AREA).on(AREA.ID.eq(CUSTOM_GEOGRAPHY.AREA_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(CUSTOM_GEOGRAPHY.OWNER_ORGANISATION_ID))
                .where(AREA.CODE.eq(code))
                .fetchOptional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        var r = header.get();
        var member = AREA.as("member");
        List<AreaRef> members = db.select(member.CODE, member.NAME, member.AREA_TYPE)
                .from(CUSTOM_GEOGRAPHY_MEMBER)
                .join(member).on(member.ID.eq(CUSTOM_GEOGRAPHY_MEMBER.MEMBER_AREA_ID))
                .where(CUSTOM_GEOGRAPHY_MEMBER.CUSTOM_AREA_ID.eq(r.value1()))
                .orderBy(member.CODE)
                .fetch(m -> new AreaRef(m.value1(), m.value2(), m.value3()));
        return Optional.of(new CustomGeography(new AreaRef(r.value2(), r.value3(), r.value4()), r.value5(), r.value6(),
                r.value7(), r.value8(), members));
    }

    /** Pairs of members that share an area (one inside the other, or crossing hierarchies), at most ten. */
    private List<String> overlaps(List<Integer> ids) {
        var c1 = AREA_CLOSURE.as("c1");
        var c2 = AREA_CLOSURE.as("c2");
        var a1 = AREA.as("a1");
        var a2 = AREA.as("a2");
        List<String> pairs = new ArrayList<>();
        db.selectDistinct(a1.CODE, a2.CODE)
                .from(c1).join(c2).on(c2.DESCENDANT_ID.eq(c1.DESCENDANT_ID).and(c2.ANCESTOR_ID.gt(c1.ANCESTOR_ID)))
                .join(a1).on(a1.ID.eq(c1.ANCESTOR_ID))
                .join(a2).on(a2.ID.eq(c2.ANCESTOR_ID))
                .where(c1.ANCESTOR_ID.in(ids)).and(c2.ANCESTOR_ID.in(ids))
                .orderBy(a1.CODE, a2.CODE)
                .limit(10)
                .forEach(r -> pairs.add(r.value1() + " and " + r.value2()));
        return pairs;
    }

    private record Member(int id, String type, int granularity) {
    }
}
