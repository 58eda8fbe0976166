package org.sightline.api.geography;

import java.util.Map;
import java.util.Optional;

/**
 * Maps ONS entity prefixes in lookup column names ({@code LSOA11CD}, {@code WD19NM}) to Sightline
 * area types, and orders area types from fine to coarse so a lookup row becomes a chain of links.
 */
final class AreaLevels {

    private static final Map<String, String> TYPE_BY_ONS_ENTITY = Map.ofEntries(
            Map.entry("OA", "oa"),
            Map.entry("LSOA", "lsoa"),
            Map.entry("MSOA", "msoa"),
            Map.entry("WD", "ward"),
            Map.entry("LAD", "lad"),
            Map.entry("CTY", "county"),
            Map.entry("RGN", "region"),
            Map.entry("CTRY", "country"),
            Map.entry("CAUTH", "cauth"));

    /** Finer areas have a larger granularity; mirrors area_type.granularity in V1. */
    private static final Map<String, Integer> GRANULARITY = Map.of(
            "country", 10, "region", 20, "cauth", 25, "county", 30, "lad", 40,
            "ward", 50, "msoa", 55, "postcode_sector", 58, "lsoa", 60, "oa", 70);

    private AreaLevels() {
    }

    static Optional<String> typeForOnsEntity(String entity) {
        return Optional.ofNullable(TYPE_BY_ONS_ENTITY.get(entity));
    }

    /** True when both types have a known level and {@code parentType} is finer than {@code childType}. */
    static boolean finerThan(String parentType, String childType) {
        Integer parent = GRANULARITY.get(parentType);
        Integer child = GRANULARITY.get(childType);
        return parent != null && child != null && parent > child;
    }

    static int granularity(String areaType) {
        return GRANULARITY.getOrDefault(areaType, 100);
    }

    /**
     * The named hierarchy a link from {@code childType} to {@code parentType} belongs to: combined
     * authorities and MSOAs have hierarchies of their own beside the administrative one.
     */
    static String hierarchyFor(String childType, String parentType) {
        if (parentType.equals("cauth")) {
            return "cauth";
        }
        if (childType.equals("msoa") || parentType.equals("msoa")) {
            return "statistical";
        }
        return "admin";
    }
}
