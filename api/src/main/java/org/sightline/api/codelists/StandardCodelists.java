package org.sightline.api.codelists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jooq.DSLContext;
import org.sightline.api.versions.DataVersion;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the standard codelists Sightline ships ({@code codelists/standard-codelists.json}:
 * Census 2021 ethnicity in 19 categories and its 5 groups, recorded sex, age groups, disability as
 * the Equality Act 2010 defines it, support needs; each with a "not stated" value marked unknown)
 * on start, in every deployment. Publishing is idempotent: an unchanged list is left alone, a
 * changed one (a new release of Sightline) becomes the list's next version. Instances starting
 * together on one database take turns (a transaction-scoped advisory lock): the first publishes,
 * the others then find the lists current, rather than inserting the same codes at the same time
 * and failing to start on the unique key.
 */
@Component
class StandardCodelists implements SmartInitializingSingleton {

    /** The advisory lock the instances starting on one database take turns with ("SCLS"). */
    private static final int LOCK = 0x53434c53;

    private final Codelists codelists;
    private final TransactionTemplate transaction;
    private final DataVersion dataVersion;
    private final JsonMapper json;
    private final DSLContext db;

    StandardCodelists(Codelists codelists, TransactionTemplate transaction, DataVersion dataVersion, JsonMapper json, DSLContext db) {
        this.db = db;
        this.codelists = codelists;
        this.transaction = transaction;
        this.dataVersion = dataVersion;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<CodelistDefinition> standard = load();
        transaction.executeWithoutResult(status -> {
            db.execute("SELECT pg_advisory_xact_lock(?, 0)", LOCK);
            boolean changed = false;
            for (CodelistDefinition definition : standard) {
                changed |= codelists.publish(definition, "sightline-standard-codelists").changed();
            }
            if (changed) {
                dataVersion.bump();
            }
        });
    }

    List<CodelistDefinition> load() {
        try (InputStream in = StandardCodelists.class.getResourceAsStream("/codelists/standard-codelists.json")) {
            return json.readValue(in, new TypeReference<List<CodelistDefinition>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
