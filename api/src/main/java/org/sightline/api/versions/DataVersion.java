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

    DataVersion(DSLContext db) {
        this.db = db;
    }

    /**
     * The current version: one primary-key read. Read it before reading what it versions, on the
     * same server (read-only, so with a read replica it is the replica's version).
     */
    @Transactional(readOnly = true)
    public long current() {
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
