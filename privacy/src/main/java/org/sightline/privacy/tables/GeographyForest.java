package org.sightline.privacy.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A forest of areas: nodes {@code 0..n-1}, each with a parent (or none, for a root). Leaves, the
 * nodes without children, are the finest public areas; depth need not be uniform.
 *
 * <p>Validated on construction: parents are node indices, there are no cycles, codes are unique,
 * and no node lies under another node of its own level. The last rule is what makes each level a
 * partition of the people under it, so that one person falls in at most one cell of a level's
 * table and a table's L2 sensitivity is 1; a level repeated along one path would double-count and
 * break the stated privacy loss. Immutable.
 */
public final class GeographyForest {

    private final List<GeographyNode> nodes;
    private final int[][] children;
    private final int[] bottomUp;
    private final List<Integer> roots;
    private final List<Integer> leaves;
    private final List<String> levels;
    private final Map<String, Integer> indexByCode;

    private GeographyForest(List<GeographyNode> nodes) {
        this.nodes = List.copyOf(nodes);
        int n = this.nodes.size();
        if (n == 0) {
            throw new IllegalArgumentException("a geography forest needs at least one node");
        }
        indexByCode = new HashMap<>();
        int[] childCount = new int[n];
        List<Integer> rootList = new ArrayList<>();
        LinkedHashSet<String> levelSet = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            GeographyNode node = this.nodes.get(i);
            if (indexByCode.putIfAbsent(node.code(), i) != null) {
                throw new IllegalArgumentException("node code " + node.code() + " appears more than once");
            }
            if (node.parent() >= n || node.parent() == i) {
                throw new IllegalArgumentException("parent " + node.parent() + " of node " + node.code() + " is not another node index");
            }
            if (node.isRoot()) {
                rootList.add(i);
            } else {
                childCount[node.parent()]++;
            }
            levelSet.add(node.level());
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            int parent = this.nodes.get(i).parent();
            if (parent != GeographyNode.ROOT) {
                children[parent][filled[parent]++] = i;
            }
        }
        bottomUp = bottomUpOrder(rootList);
        roots = List.copyOf(rootList);
        List<Integer> leafList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (children[i].length == 0) {
                leafList.add(i);
            }
        }
        leaves = List.copyOf(leafList);
        levels = List.copyOf(levelSet);
        requireLevelsArePartitions();
    }

    /**
     * @throws IllegalArgumentException if the nodes do not form a forest as described above
     */
    public static GeographyForest of(List<GeographyNode> nodes) {
        return new GeographyForest(Objects.requireNonNull(nodes, "nodes"));
    }

    /** Post-order from every root; a node left unvisited is on a cycle (it has no root above it). */
    private int[] bottomUpOrder(List<Integer> rootList) {
        int n = nodes.size();
        int[] order = new int[n];
        int written = 0;
        int[] stack = new int[n];
        int[] nextChild = new int[n];
        for (int root : rootList) {
            int depth = 0;
            stack[depth++] = root;
            while (depth > 0) {
                int top = stack[depth - 1];
                if (nextChild[top] < children[top].length) {
                    stack[depth++] = children[top][nextChild[top]++];
                } else {
                    order[written++] = top;
                    depth--;
                }
            }
        }
        if (written != n) {
            throw new IllegalArgumentException("the parent links contain a cycle: " + (n - written)
                    + " node(s) have no root above them");
        }
        return order;
    }

    private void requireLevelsArePartitions() {
        for (int i = 0; i < nodes.size(); i++) {
            String level = nodes.get(i).level();
            for (int a = nodes.get(i).parent(); a != GeographyNode.ROOT; a = nodes.get(a).parent()) {
                if (nodes.get(a).level().equals(level)) {
                    throw new IllegalArgumentException("node " + nodes.get(i).code() + " lies under " + nodes.get(a).code()
                            + ", of the same level " + level + ": one person would count twice in that level's tables");
                }
            }
        }
    }

    public int size() {
        return nodes.size();
    }

    public GeographyNode node(int index) {
        return nodes.get(index);
    }

    public List<GeographyNode> nodes() {
        return nodes;
    }

    /** @throws IllegalArgumentException if no node has this code */
    public int indexOf(String code) {
        Integer index = indexByCode.get(code);
        if (index == null) {
            throw new IllegalArgumentException("no node has code " + code);
        }
        return index;
    }

    public List<Integer> children(int index) {
        return Arrays.stream(children[index]).boxed().toList();
    }

    public boolean isLeaf(int index) {
        return children[index].length == 0;
    }

    public List<Integer> roots() {
        return roots;
    }

    public List<Integer> leaves() {
        return leaves;
    }

    /** The distinct level names, in order of first appearance in the node list. */
    public List<String> levels() {
        return levels;
    }

    int[] childArray(int index) {
        return children[index];
    }

    /** Every node after all of its descendants. */
    int[] bottomUp() {
        return bottomUp;
    }
}
