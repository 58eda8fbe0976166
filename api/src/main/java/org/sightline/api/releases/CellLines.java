package org.sightline.api.releases;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first line of every cell of a release file, so a second line for the same cell is reported
 * with the line it repeats. A release can hold millions of cells, so a cell's key is packed into
 * one {@code long} (area id, period, the position of each characteristic value) and kept in an
 * open-addressing table of primitives: 12 to 24 bytes a cell, where boxed keys in a
 * {@code HashMap} took over 150. Keys that do not fit 64 bits (characteristics with very many
 * values) fall back to a map of records.
 */
final class CellLines {

    private static final long EMPTY = Long.MIN_VALUE;

    private final int[] bitsPerSlot;
    private final boolean packable;
    private final int maxTracked;
    private long[] keys;
    private int[] lines;
    private int size;
    private final Map<List<Integer>, Long> unpacked = new HashMap<>();

    /**
     * @param valuesPerSlot how many values each characteristic slot can hold, in slot order
     * @param maxTracked    the most cells whose line is kept (memory stays bounded whatever the file's
     *                      size: about 25 bytes a cell); a repeat of a cell past it is not seen here
     *                      and is left to the database's unique key on the cells
     */
    CellLines(int[] valuesPerSlot, int maxTracked) {
        this.maxTracked = maxTracked;
        bitsPerSlot = new int[valuesPerSlot.length];
        int bits = 32 + 10; // area id, period index
        for (int i = 0; i < valuesPerSlot.length; i++) {
            bitsPerSlot[i] = 32 - Integer.numberOfLeadingZeros(valuesPerSlot[i] + 1);
            bits += bitsPerSlot[i];
        }
        packable = bits <= 63;
        keys = new long[1 << 16];
        lines = new int[1 << 16];
        Arrays.fill(keys, EMPTY);
    }

    /**
     * Records a cell's line unless the cell was seen before.
     *
     * @param areaId      the area's id
     * @param periodIndex the period's position among the file's periods (0-based)
     * @param valueIndexes each slot's value position (1-based; 0 for an unused slot)
     * @return the earlier line of the same cell, or -1 if this is its first
     */
    long putIfAbsent(int areaId, int periodIndex, int[] valueIndexes, long line) {
        if (!packable || periodIndex >= 1024) {
            Integer[] key = new Integer[2 + valueIndexes.length];
            key[0] = areaId;
            key[1] = periodIndex;
            for (int i = 0; i < valueIndexes.length; i++) {
                key[2 + i] = valueIndexes[i];
            }
            // Boxed keys cost ten times a packed one: a tenth as many are kept.
            if (unpacked.size() >= maxTracked / 10) {
                Long earlier = unpacked.get(List.of(key));
                return earlier == null ? -1 : earlier;
            }
            Long earlier = unpacked.putIfAbsent(List.of(key), line);
            return earlier == null ? -1 : earlier;
        }
        long key = Integer.toUnsignedLong(areaId) << 10 | periodIndex;
        for (int i = 0; i < valueIndexes.length; i++) {
            key = key << bitsPerSlot[i] | valueIndexes[i];
        }
        int mask = keys.length - 1;
        for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == EMPTY) {
                if (size >= maxTracked) {
                    return -1;
                }
                keys[slot] = key;
                lines[slot] = Math.toIntExact(line);
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (keys[slot] == key) {
                return lines[slot];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
