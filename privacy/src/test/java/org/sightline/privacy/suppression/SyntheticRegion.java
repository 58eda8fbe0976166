package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Random count tables shaped like Sightline's: a region of districts, each split into wards (and,
 * optionally, also into MSOAs: a second grouping of the same base units with different
 * boundaries), crossed with sex (F, M) and a need characteristic, with every margin (area totals
 * at every level, sex totals, need totals and all their combinations) as a cell and every
 * additivity as a relation.
 *
 * <p>Alongside the table it records, for every cell, the finest cells (piece x sex x need, where a
 * piece is a ward, or a ward-MSOA intersection when there are MSOAs) that the cell adds up. That
 * is the attacker's knowledge, built here from the geography and never from the relations.
 */
final class SyntheticRegion {

    static final String ALL = "all";
    private static final List<String> SEXES = List.of("F", "M");

    /**
     * Ranges to draw the geography from, and the Poisson mean of each finest cell. With MSOAs,
     * {@code intersectionsInTable} adds the ward-MSOA intersections to the table as unpublished
     * cells, each ward and MSOA being the total of its intersections.
     */
    record Shape(int minDistricts, int maxDistricts, int minWards, int maxWards, int minNeeds, int maxNeeds,
                 double meanPerFinestCell, boolean withMsoas, boolean intersectionsInTable) {
        Shape {
            if (minDistricts < 1 || maxDistricts < minDistricts || minWards < 2 || maxWards < minWards
                    || minNeeds < 2 || maxNeeds < minNeeds || meanPerFinestCell <= 0) {
                throw new IllegalArgumentException("impossible shape " + this);
            }
        }
    }

    private final AdditiveTable table;
    private final Map<String, List<String>> coverage;
    private final Map<String, Long> intersectionCounts;
    private final String description;

    private SyntheticRegion(AdditiveTable table, Map<String, List<String>> coverage,
                            Map<String, Long> intersectionCounts, String description) {
        this.table = table;
        this.coverage = coverage;
        this.intersectionCounts = intersectionCounts;
        this.description = description;
    }

    AdditiveTable table() {
        return table;
    }

    /** For every cell, and every ward-MSOA intersection x sex x need, the finest cells it adds up. */
    Map<String, List<String>> coverage() {
        return coverage;
    }

    /**
     * The true counts of the ward-MSOA intersections x sex x need (empty without MSOAs), whether
     * or not the table holds them: they are counts of real, small areas that the published wards
     * and MSOAs must not give away.
     */
    Map<String, Long> intersectionCounts() {
        return intersectionCounts;
    }

    @Override
    public String toString() {
        return description;
    }

    static SyntheticRegion generate(Shape shape, long seed) {
        Random random = new Random(seed);
        int districts = between(random, shape.minDistricts(), shape.maxDistricts());
        int needCount = between(random, shape.minNeeds(), shape.maxNeeds());
        List<String> needs = new ArrayList<>();
        for (int n = 1; n <= needCount; n++) {
            needs.add("N" + n);
        }

        // area -> the pieces it is made of; parent -> its partitions into child areas
        Map<String, List<String>> piecesOf = new LinkedHashMap<>();
        Map<String, List<List<String>>> partitionsOf = new LinkedHashMap<>();
        List<String> allPieces = new ArrayList<>();
        List<String> districtNames = new ArrayList<>();
        List<String> intersectionAreas = new ArrayList<>();
        int wardTotal = 0;
        for (int d = 1; d <= districts; d++) {
            String district = "D" + d;
            districtNames.add(district);
            int wards = between(random, shape.minWards(), shape.maxWards());
            wardTotal += wards;
            List<String> districtPieces = new ArrayList<>();
            List<List<String>> partitions = new ArrayList<>();
            if (!shape.withMsoas()) {
                List<String> wardNames = new ArrayList<>();
                for (int w = 1; w <= wards; w++) {
                    String ward = district + "W" + w;
                    piecesOf.put(ward, List.of(ward));
                    districtPieces.add(ward);
                    wardNames.add(ward);
                }
                partitions.add(wardNames);
            } else {
                // Base units in a line; wards and MSOAs are runs of them whose inner boundaries
                // never coincide, so the two groupings only agree on the district as a whole
                // (the district relations then say everything that links them).
                TreeSet<Integer> wardCuts = new TreeSet<>();
                int units = 0;
                for (int w = 0; w < wards; w++) {
                    units += between(random, 2, 3);
                    if (w < wards - 1) {
                        wardCuts.add(units);
                    }
                }
                TreeSet<Integer> msoaCuts = new TreeSet<>();
                for (int position = 1; position < units; position++) {
                    if (!wardCuts.contains(position) && random.nextDouble() < 0.4) {
                        msoaCuts.add(position);
                    }
                }
                TreeSet<Integer> pieceCuts = new TreeSet<>(wardCuts);
                pieceCuts.addAll(msoaCuts);
                List<Integer> pieceStarts = new ArrayList<>();
                pieceStarts.add(0);
                pieceStarts.addAll(pieceCuts);
                Map<Integer, String> pieceAt = new HashMap<>();
                for (int p = 0; p < pieceStarts.size(); p++) {
                    String piece = district + "P" + (p + 1);
                    pieceAt.put(pieceStarts.get(p), piece);
                    districtPieces.add(piece);
                }
                List<String> wardNames = runs(district + "W", wardCuts, pieceStarts, pieceAt, piecesOf);
                List<String> msoaNames = runs(district + "M", msoaCuts, pieceStarts, pieceAt, piecesOf);
                partitions.add(wardNames);
                partitions.add(msoaNames);
                for (String piece : districtPieces) {
                    piecesOf.put(piece, List.of(piece));
                    intersectionAreas.add(piece);
                }
                if (shape.intersectionsInTable()) {
                    for (String area : concat(wardNames, msoaNames)) {
                        partitionsOf.put(area, List.of(piecesOf.get(area)));
                    }
                }
            }
            piecesOf.put(district, districtPieces);
            partitionsOf.put(district, partitions);
            allPieces.addAll(districtPieces);
        }
        piecesOf.put("R", allPieces);
        partitionsOf.put("R", List.of(districtNames));

        Map<String, Long> finestCounts = new TreeMap<>();
        for (String piece : allPieces) {
            for (String sex : SEXES) {
                for (String need : needs) {
                    finestCounts.put(finest(piece, sex, need), poisson(random, shape.meanPerFinestCell()));
                }
            }
        }

        List<String> sexLevels = List.of("F", "M", ALL);
        List<String> needLevels = new ArrayList<>(needs);
        needLevels.add(ALL);
        Map<String, Long> counts = new TreeMap<>();
        Map<String, List<String>> coverage = new TreeMap<>();
        List<String> unpublished = new ArrayList<>();
        Map<String, Long> intersectionCounts = new TreeMap<>();
        for (Map.Entry<String, List<String>> area : piecesOf.entrySet()) {
            for (String sex : sexLevels) {
                for (String need : needLevels) {
                    List<String> covered = new ArrayList<>();
                    long count = 0;
                    for (String piece : area.getValue()) {
                        for (String s : sex.equals(ALL) ? SEXES : List.of(sex)) {
                            for (String n : need.equals(ALL) ? needs : List.of(need)) {
                                covered.add(finest(piece, s, n));
                                count += finestCounts.get(finest(piece, s, n));
                            }
                        }
                    }
                    String key = cell(area.getKey(), sex, need);
                    coverage.put(key, List.copyOf(covered));
                    if (!intersectionAreas.contains(area.getKey())) {
                        counts.put(key, count);
                    } else {
                        intersectionCounts.put(key, count);
                        if (shape.intersectionsInTable()) {
                            counts.put(key, count);
                            unpublished.add(key);
                        }
                    }
                }
            }
        }

        List<Relation> relations = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> parent : partitionsOf.entrySet()) {
            for (List<String> children : parent.getValue()) {
                for (String sex : sexLevels) {
                    for (String need : needLevels) {
                        relations.add(new Relation(cell(parent.getKey(), sex, need),
                                children.stream().map(child -> cell(child, sex, need)).toList()));
                    }
                }
            }
        }
        for (String area : piecesOf.keySet()) {
            if (intersectionAreas.contains(area) && !shape.intersectionsInTable()) {
                continue;
            }
            for (String need : needLevels) {
                relations.add(new Relation(cell(area, ALL, need),
                        SEXES.stream().map(sex -> cell(area, sex, need)).toList()));
            }
            for (String sex : sexLevels) {
                relations.add(new Relation(cell(area, sex, ALL),
                        needs.stream().map(need -> cell(area, sex, need)).toList()));
            }
        }
        String description = String.format("seed %d: %d districts, %d wards%s, %d needs, %d finest cells, %d cells",
                seed, districts, wardTotal, shape.withMsoas() ? " and MSOAs over " + allPieces.size() + " pieces" : "",
                needCount, finestCounts.size(), counts.size());
        return new SyntheticRegion(new AdditiveTable(counts, relations, unpublished), coverage,
                Collections.unmodifiableMap(intersectionCounts), description);
    }

    static String cell(String area, String sex, String need) {
        return area + "|" + sex + "|" + need;
    }

    private static String finest(String piece, String sex, String need) {
        return piece + "|" + sex + "|" + need;
    }

    /** Areas made of consecutive pieces, split at the given cuts; registers each area's pieces. */
    private static List<String> runs(String prefix, TreeSet<Integer> cuts, List<Integer> pieceStarts,
                                     Map<Integer, String> pieceAt, Map<String, List<String>> piecesOf) {
        List<String> areas = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int start : pieceStarts) {
            if (cuts.contains(start)) {
                String area = prefix + (areas.size() + 1);
                piecesOf.put(area, List.copyOf(current));
                areas.add(area);
                current.clear();
            }
            current.add(pieceAt.get(start));
        }
        String area = prefix + (areas.size() + 1);
        piecesOf.put(area, List.copyOf(current));
        areas.add(area);
        return areas;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Knuth's multiplication method; fine for small means. */
    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }
}
