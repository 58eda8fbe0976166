package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A table of true, non-negative counts keyed by cell, together with every additivity relation
 * between its cells that a reader of the published table could know.
 *
 * <p>The relations must be complete: whatever linear equation between published cells follows
 * from how the cells are built (a district is the sum of its wards and also of its MSOAs; a custom
 * area equals a ward when it covers exactly the same units) must follow from the relations given,
 * because suppression can only protect against the equations it is told about.
 *
 * <p>Some cells may be marked unpublished: they are never released, but they are part of the
 * arithmetic. When two groupings of the same base units overlap (wards and MSOAs), an attacker
 * knows that each ward-MSOA intersection is a non-negative count inside both, and can use that to
 * pin hidden cells; listing the intersections as unpublished cells, with a relation from every
 * ward and every MSOA to its intersections, lets suppression take that into account, and protects
 * an intersection whose count is small from being worked out by differencing the two areas.
 *
 * <p>Some published cells may be marked known: the reader already has them exactly from elsewhere
 * (an analyst sees wards exactly and gets LSOAs with suppression), so suppression never hides
 * them, neither as small counts nor as complements, and protects other cells by hiding finer
 * cells instead.
 *
 * <p>Construction checks that every key a relation names is a cell and that each relation really
 * adds up, and puts cells and relations into key order so that the same table built from inputs in
 * a different order is equal and is suppressed in the same way.
 */
public final class AdditiveTable {

    private static final Comparator<Relation> RELATION_ORDER = Comparator.comparing(Relation::total)
            .thenComparing(Relation::parts, AdditiveTable::compareKeyLists);

    private final SortedMap<String, Long> counts;
    private final SortedSet<String> unpublished;
    private final SortedSet<String> known;
    private final List<Relation> relations;
    private final Map<String, List<Relation>> relationsByCell;

    /**
     * A table in which every cell may be published.
     *
     * @see #AdditiveTable(Map, Collection, Collection)
     */
    public AdditiveTable(Map<String, Long> counts, Collection<Relation> relations) {
        this(counts, relations, List.of());
    }

    /**
     * @param counts      the true count of each cell, keyed by cell
     * @param relations   the additivity relations; duplicates are kept once
     * @param unpublished keys of cells that are never released (e.g. ward-MSOA intersections)
     * @throws IllegalArgumentException naming the cell or relation at fault when a count is missing
     *                                  or negative, a relation or the unpublished list names a key
     *                                  that is not a cell, or a relation does not add up
     */
    public AdditiveTable(Map<String, Long> counts, Collection<Relation> relations, Collection<String> unpublished) {
        this(counts, relations, unpublished, List.of());
    }

    /**
     * @param known keys of published cells the reader already knows exactly, which suppression
     *              must never hide
     * @throws IllegalArgumentException as {@link #AdditiveTable(Map, Collection, Collection)}, and
     *                                  when a known key is not a cell or is unpublished
     */
    public AdditiveTable(Map<String, Long> counts, Collection<Relation> relations, Collection<String> unpublished,
                         Collection<String> known) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(known, "known");
        Objects.requireNonNull(relations, "relations");
        Objects.requireNonNull(unpublished, "unpublished");
        SortedMap<String, Long> sortedCounts = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("cell key must be non-blank, was '" + key + "'");
            }
            if (count == null || count < 0) {
                throw new IllegalArgumentException(
                        "cell '" + key + "' must have a non-negative count, was " + count);
            }
            sortedCounts.put(key, count);
        });
        TreeSet<Relation> distinct = new TreeSet<>(RELATION_ORDER);
        for (Relation relation : relations) {
            Objects.requireNonNull(relation, "relation");
            for (String key : relation.cells()) {
                if (!sortedCounts.containsKey(key)) {
                    throw new IllegalArgumentException(
                            "relation '" + relation + "' names cell '" + key + "', which is not in the table");
                }
            }
            long partSum = relation.parts().stream().mapToLong(sortedCounts::get).reduce(0, Math::addExact);
            long total = sortedCounts.get(relation.total());
            if (partSum != total) {
                throw new IllegalArgumentException("relation '" + relation + "' does not add up: "
                        + relation.total() + " is " + total + " but its parts sum to " + partSum);
            }
            distinct.add(relation);
        }
        SortedSet<String> neverReleased = new TreeSet<>();
        for (String key : unpublished) {
            if (!sortedCounts.containsKey(key)) {
                throw new IllegalArgumentException("unpublished cell '" + key + "' is not in the table");
            }
            neverReleased.add(key);
        }
        SortedSet<String> alreadyKnown = new TreeSet<>();
        for (String key : known) {
            if (!sortedCounts.containsKey(key)) {
                throw new IllegalArgumentException("known cell '" + key + "' is not in the table");
            }
            if (neverReleased.contains(key)) {
                throw new IllegalArgumentException("cell '" + key + "' cannot be both unpublished and known");
            }
            alreadyKnown.add(key);
        }
        Map<String, List<Relation>> byCell = new TreeMap<>();
        for (Relation relation : distinct) {
            for (String key : relation.cells()) {
                byCell.computeIfAbsent(key, ignored -> new ArrayList<>()).add(relation);
            }
        }
        byCell.replaceAll((key, list) -> List.copyOf(list));
        this.counts = Collections.unmodifiableSortedMap(sortedCounts);
        this.unpublished = Collections.unmodifiableSortedSet(neverReleased);
        this.known = Collections.unmodifiableSortedSet(alreadyKnown);
        this.relations = List.copyOf(distinct);
        this.relationsByCell = Collections.unmodifiableMap(byCell);
    }

    /** Every cell's true count, in key order. */
    public SortedMap<String, Long> counts() {
        return counts;
    }

    /** The keys of the cells that are never released, in key order. */
    public SortedSet<String> unpublished() {
        return unpublished;
    }

    /** Whether the cell is never released. */
    public boolean isUnpublished(String key) {
        return unpublished.contains(key);
    }

    /** The keys of the published cells the reader already knows exactly, in key order. */
    public SortedSet<String> known() {
        return known;
    }

    /** Whether the reader already knows the cell exactly, so it is never hidden. */
    public boolean isKnown(String key) {
        return known.contains(key);
    }

    /** The distinct relations, ordered by total and then by parts. */
    public List<Relation> relations() {
        return relations;
    }

    /** Whether the table has a cell with this key. */
    public boolean contains(String key) {
        return counts.containsKey(key);
    }

    /**
     * The true count of a cell.
     *
     * @throws IllegalArgumentException if the table has no such cell
     */
    public long count(String key) {
        Long count = counts.get(key);
        if (count == null) {
            throw new IllegalArgumentException("the table has no cell '" + key + "'");
        }
        return count;
    }

    /** Whether the cell is the total of at least one relation, i.e. a margin. */
    public boolean isTotal(String key) {
        return relationsContaining(key).stream().anyMatch(relation -> relation.total().equals(key));
    }

    /** The relations in which the cell is the total or a part, in relation order. */
    public List<Relation> relationsContaining(String key) {
        return relationsByCell.getOrDefault(key, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdditiveTable table
                && counts.equals(table.counts)
                && unpublished.equals(table.unpublished)
                && known.equals(table.known)
                && relations.equals(table.relations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(counts, unpublished, known, relations);
    }

    @Override
    public String toString() {
        return "AdditiveTable[" + counts.size() + " cells (" + unpublished.size() + " unpublished), "
                + known.size() + " known, " + relations.size() + " relations]";
    }

    private static int compareKeyLists(List<String> left, List<String> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = left.get(i).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
