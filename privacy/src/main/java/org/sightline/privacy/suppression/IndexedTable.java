package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AdditiveTable} renumbered for the suppression loops: cells are numbered in key order
 * and relations in relation order, so the numbers, like the keys, do not depend on the order the
 * caller supplied anything in.
 */
final class IndexedTable {

    final String[] keys;
    final long[] counts;
    /** For each relation, its cells with the total first. */
    final int[][] relationCells;
    /** For each cell, the relations it takes part in, in relation order. */
    final int[][] relationsOfCell;
    final boolean[] isTotal;
    final boolean[] unpublished;
    /** Published cells the reader already knows exactly: never hidden. */
    final boolean[] known;

    IndexedTable(AdditiveTable table) {
        int size = table.counts().size();
        keys = table.counts().keySet().toArray(new String[0]);
        counts = new long[size];
        Map<String, Integer> index = new HashMap<>();
        for (int cell = 0; cell < size; cell++) {
            index.put(keys[cell], cell);
            counts[cell] = table.counts().get(keys[cell]);
        }
        List<Relation> relations = table.relations();
        relationCells = new int[relations.size()][];
        List<List<Integer>> byCell = new ArrayList<>();
        for (int cell = 0; cell < size; cell++) {
            byCell.add(new ArrayList<>());
        }
        isTotal = new boolean[size];
        unpublished = new boolean[size];
        known = new boolean[size];
        for (int cell = 0; cell < size; cell++) {
            unpublished[cell] = table.isUnpublished(keys[cell]);
            known[cell] = table.isKnown(keys[cell]);
        }
        for (int relation = 0; relation < relations.size(); relation++) {
            List<String> cells = relations.get(relation).cells();
            relationCells[relation] = new int[cells.size()];
            for (int position = 0; position < cells.size(); position++) {
                int cell = index.get(cells.get(position));
                relationCells[relation][position] = cell;
                byCell.get(cell).add(relation);
            }
            isTotal[relationCells[relation][0]] = true;
        }
        relationsOfCell = new int[size][];
        for (int cell = 0; cell < size; cell++) {
            relationsOfCell[cell] = byCell.get(cell).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int size() {
        return keys.length;
    }
}
