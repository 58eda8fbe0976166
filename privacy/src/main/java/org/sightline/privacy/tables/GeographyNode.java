package org.sightline.privacy.tables;

/**
 * One area of a {@link GeographyForest}.
 *
 * @param code the area's code, e.g. a GSS code; unique within the forest
 * @param level the geography level it belongs to, e.g. {@code "ward"}; all nodes of one level are
 *     measured in the same tables, with the same noise scale
 * @param parent the index of the parent node in the forest, or {@link #ROOT} for a root
 */
public record GeographyNode(String code, String level, int parent) {

    /** The parent index of a root. */
    public static final int ROOT = -1;

    public GeographyNode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("node code must not be blank");
        }
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("level of node " + code + " must not be blank");
        }
        if (parent < ROOT) {
            throw new IllegalArgumentException("parent of node " + code + " must be a node index or -1 for a root, was " + parent);
        }
    }

    public static GeographyNode root(String code, String level) {
        return new GeographyNode(code, level, ROOT);
    }

    public boolean isRoot() {
        return parent == ROOT;
    }
}
