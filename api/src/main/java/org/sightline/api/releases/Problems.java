package org.sightline.api.releases;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a release file: all are counted, the first {@code listed} are kept to be
 * reported, so a file that is wrong on every one of its million lines costs a counter, not a
 * million error objects.
 */
final class Problems {

    private final int listed;
    private final List<ReleaseError> first = new ArrayList<>();
    private long count;

    Problems(int listed) {
        this.listed = listed;
    }

    void add(ReleaseError error) {
        count++;
        if (first.size() < listed) {
            first.add(error);
        }
    }

    long size() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The first problems, in the order found. */
    List<ReleaseError> listed() {
        return List.copyOf(first);
    }
}
