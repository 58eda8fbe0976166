package org.sightline.api.observations;

import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_PERIOD;

import org.jooq.CommonTableExpression;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The common table expression every observation query starts from: for each period, the newest
 * published release of the indicator that covers it (so a 2024 release does not hide 2023 data,
 * and a corrected release replaces the one it corrects). Suppression patterns are solved for
 * exactly these releases.
 */
public final class CurrentReleases {

    public static final String PERIOD_ID = "period_id";
    public static final String RELEASE_ID = "release_id";

    private CurrentReleases() {
    }

    public static CommonTableExpression<Record2<Integer, Long>> of(int indicatorDbId) {
        return of(indicatorDbId, ReleaseSet.CURRENT);
    }

    /** Per period, the newest release of the set (the current ones, or as of an earlier release). */
    public static CommonTableExpression<Record2<Integer, Long>> of(int indicatorDbId, ReleaseSet releases) {
        return DSL.name("current_release").fields(PERIOD_ID, RELEASE_ID).as(
                DSL.select(RELEASE_PERIOD.PERIOD_ID, RELEASE_PERIOD.RELEASE_ID)
                        .distinctOn(RELEASE_PERIOD.PERIOD_ID)
                        .from(RELEASE_PERIOD)
                        .join(RELEASE).on(RELEASE.ID.eq(RELEASE_PERIOD.RELEASE_ID))
                        .where(RELEASE.INDICATOR_ID.eq(indicatorDbId).and(releases.contains(RELEASE)))
                        .orderBy(RELEASE_PERIOD.PERIOD_ID, RELEASE.VERSION.desc()));
    }
}
