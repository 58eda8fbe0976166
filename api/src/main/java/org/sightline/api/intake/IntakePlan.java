package org.sightline.api.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.api.codelists.Codelists.Codelist;
import org.sightline.api.codelists.Codelists.CodelistValue;
import org.sightline.api.intake.IntakeDefinition.Column;
import org.sightline.api.intake.IntakeDefinition.Role;

/**
 * An intake ready to read files: each breakdown column with its codelist and the uploading
 * organisation's mappings, the age bands, and the need indicators in order (the last one is
 * {@code <id>-multiple-needs}).
 */
final class IntakePlan {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
    private static final Pattern AND_OVER = Pattern.compile("(\\d{1,3})\\+");

    /** A breakdown column: its codelist, the organisation's local codes, and for ages the bands. */
    record Slot(Column column, Codelist codelist, Map<String, CodelistValue> mappings, List<AgeBand> bands) {

        Optional<CodelistValue> unknown() {
            return codelist.unknownValue();
        }

        /** The standard value a file's code stands for: the organisation's mapping, else the standard code itself. */
        CodelistValue resolve(String code) {
            CodelistValue mapped = mappings.get(code);
            return mapped != null ? mapped : codelist.value(code).orElse(null);
        }

        CodelistValue band(int age) {
            for (AgeBand band : bands) {
                if (age >= band.from() && age <= band.to()) {
                    return band.value();
                }
            }
            return null;
        }
    }

    /** An age band of an age codelist, from its code: {@code 18-24} or {@code 85+}. */
    record AgeBand(int from, int to, CodelistValue value) {
    }

    final IntakeDefinition definition;
    final int ownerOrganisationId;
    final List<Slot> slots;
    final Slot needs;
    /** The need values with an indicator, in indicator order. */
    final List<CodelistValue> publishedNeeds;
    /** Position in {@link #publishedNeeds} by value id. */
    final Map<Integer, Integer> needIndex = new HashMap<>();
    final List<String> indicatorIds = new ArrayList<>();

    IntakePlan(IntakeDefinition definition, int ownerOrganisationId, List<Slot> slots, Slot needs, List<CodelistValue> publishedNeeds) {
        this.definition = definition;
        this.ownerOrganisationId = ownerOrganisationId;
        this.slots = slots;
        this.needs = needs;
        this.publishedNeeds = publishedNeeds;
        for (int i = 0; i < publishedNeeds.size(); i++) {
            needIndex.put(publishedNeeds.get(i).id(), i);
            indicatorIds.add(definition.needIndicatorId(publishedNeeds.get(i).code()));
        }
        indicatorIds.add(definition.multipleNeedsIndicatorId());
    }

    int multipleNeedsIndex() {
        return publishedNeeds.size();
    }

    /**
     * The bands of an age codelist; every value but the unknown one must be a band.
     *
     * @throws IllegalArgumentException naming the value that is not
     */
    static List<AgeBand> ageBands(Column column, Codelist codelist) {
        if (column.role() != Role.AGE && column.role() != Role.DATE_OF_BIRTH) {
            return List.of();
        }
        List<AgeBand> bands = new ArrayList<>();
        for (CodelistValue v : codelist.values()) {
            if (v.isUnknown()) {
                continue;
            }
            Matcher range = RANGE.matcher(v.code());
            Matcher over = AND_OVER.matcher(v.code());
            if (range.matches()) {
                bands.add(new AgeBand(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)), v));
            } else if (over.matches()) {
                bands.add(new AgeBand(Integer.parseInt(over.group(1)), Integer.MAX_VALUE, v));
            } else {
                throw new IllegalArgumentException("codelist '" + codelist.type() + "' of column '" + column.name() + "' has value '"
                        + v.code() + "', which is not an age band ('a-b' or 'a+'), so ages cannot be placed in it");
            }
        }
        return bands;
    }
}
