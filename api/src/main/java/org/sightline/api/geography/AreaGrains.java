package org.sightline.api.geography;

import java.util.List;
import org.jooq.DSLContext;
import org.sightline.api.versions.DataVersion;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code area.composed_of} true: the coarsest of the nested levels ({@link #NESTED_LEVELS})
 * of which an area is exactly a union. This, not the declared type, is what the privacy engine
 * judges an area by: an "area" declared a combined authority around one LSOA is made of LSOAs and
 * is treated as one. Base areas are the areas with nothing inside them; an area is made of level L
 * when its base areas are exactly those of the areas of level L inside it. Areas of one level that
 * share a base area (an operator's "district" drawn around an LSOA of a real district) are not
 * trusted as building blocks of that level at all, so a label cannot make an area coarser than
 * what it holds. The computation is the SQL function {@code refresh_area_grains} of the migrations
 * (V5), which also ran it once for the areas loaded before.
 */
@Component
public class AreaGrains {

    /** The standard levels that nest inside one another, coarse to fine. */
    public static final List<String> NESTED_LEVELS = List.of("country", "region", "lad", "ward", "lsoa", "oa");

    private final DSLContext db;
    private final DataVersion dataVersion;

    AreaGrains(DSLContext db, DataVersion dataVersion) {
        this.db = db;
        this.dataVersion = dataVersion;
    }

    /** Recomputes every area's grain, in the caller's transaction (after a geography import). */
    public void refreshAll() {
        db.execute("SELECT refresh_area_grains(NULL)");
        // The area types every release exists at follow the geography too (V13; the catalogue's availability).
        db.execute("SELECT refresh_release_area_types(NULL)");
        bumpVersion();
    }

    /** Recomputes one area's grain (a new custom geography: nothing else changes). */
    public void refresh(int areaId) {
        db.execute("SELECT refresh_area_grains(?)", areaId);
        bumpVersion();
    }

    /** Every geography change goes through here, so answers cached over the old geography are not reused. */
    private void bumpVersion() {
        dataVersion.bump();
    }
}
