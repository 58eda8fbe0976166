package org.sightline.api.versions;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The version of everything answers are computed from - releases, geography, characteristics
 * declared a function of the area - one counter in the database ({@code data_version}). Whatever
 * caches something computed from the data keys it by the version read before computing it, so a
 * change made on any instance is seen by every instance on its next question.
 */
@Component
public class DataVersion {

    private final DSLContext db;
    /** The version a request has already read, so one request reads it once (see {@link #pinnedFor}). */
    private final ThreadLocal<Long> pinned = new ThreadLocal<>();

    DataVersion(DSLContext db) {
        this.db = db;
    }

    /**
     * Reads the version once and runs {@code work} with it as {@link #current()} on this thread:
     * everything a request computes then belongs to the version its cache keys say.
     */
    public <T, E extends Exception> T pinnedFor(VersionedWork<T, E> work) throws E {
        Long outer = pinned.get();
        long version = outer != null ? outer : current();
        pinned.set(version);
        try {
            return work.run(version);
        } finally {
            if (outer == null) {
                pinned.remove();
            }
        }
    }

    /** Work done at one data version. */
    @FunctionalInterface
    public interface VersionedWork<T, E extends Exception> {
        T run(long version) throws E;
    }

    /**
     * The current version: one primary-key read. Read it before reading what it versions, on the
     * same server (read-only, so with a read replica it is the replica's version).
     */
    @Transactional(readOnly = true)
    public long current() {
        Long version = pinned.get();
        if (version != null) {
            return version;
        }
        return db.fetchSingle("SELECT version FROM data_version WHERE id = 1").get(0, Long.class);
    }

    /**
     * Marks a change, in the caller's transaction; call it last, just before commit, since the
     * counter's row stays locked until then.
     */
    public void bump() {
        db.execute("UPDATE data_version SET version = version + 1 WHERE id = 1");
    }
}
