package org.sightline.api.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.database.SightlineProperties;
import org.sightline.api.database.TableStatistics;
import org.sightline.api.geography.GeographyImporter;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.releases.ReleaseImporter;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set on start when {@code sightline.demo} is true (by default: only on the
 * embedded database), through the same importers
 * partners use. Loading is idempotent (every importer recognises what it already has), so a
 * restart loads nothing new.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final SightlineProperties properties;
    private final GeographyImporter geography;
    private final CharacteristicTypes characteristicTypes;
    private final Indicators indicators;
    private final ReleaseImporter releases;
    private final Organisations organisations;
    private final TransactionTemplate transaction;
    private final TableStatistics statistics;
    private final Optional<EmbeddedPostgres> embeddedDatabase;

    DemoDataLoader(SightlineProperties properties, GeographyImporter geography, CharacteristicTypes characteristicTypes,
                   Indicators indicators, ReleaseImporter releases, Organisations organisations, TransactionTemplate transaction,
                   TableStatistics statistics, Optional<EmbeddedPostgres> embeddedDatabase) {
        this.statistics = statistics;
        this.embeddedDatabase = embeddedDatabase;
        this.properties = properties;
        this.geography = geography;
        this.characteristicTypes = characteristicTypes;
        this.indicators = indicators;
        this.releases = releases;
        this.organisations = organisations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean wanted = properties.demo() != null ? properties.demo() : embeddedDatabase.isPresent();
        if (!wanted) {
            return;
        }
        long started = System.nanoTime();
        DemoDataSet demo = new DemoDataSet();
        transaction.executeWithoutResult(status -> {
            int council = organisations.ensure("demo-wessex-council", "Wessex County Council (demo)", "COUNCIL");
            int nhs = organisations.ensure("demo-wessex-icb", "Wessex NHS Integrated Care Board (demo)", "NHS");
            organisations.ensure("demo-wessex-police", "Wessex Police (demo)", "POLICE");
            organisations.ensure("demo-wessex-fire", "Wessex Fire and Rescue (demo)", "FIRE");
            int voluntary = organisations.ensure("demo-wessex-voluntary", "Wessex Voluntary Action (demo)", "VOLUNTARY");
            try {
                geography.importFile(demo.geographyCsv());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            demo.characteristicTypes().forEach(characteristicTypes::define);
            for (IndicatorDefinition indicator : demo.indicators()) {
                int owner = switch (indicator.id()) {
                    case DemoDataSet.ADMISSIONS_RATE -> nhs;
                    case DemoDataSet.WELLBEING_SCORE -> voluntary;
                    default -> council;
                };
                indicators.define(indicator, owner);
                releases.importRelease(indicator.id(), demo.releaseCsv(indicator.id()), indicator.id() + ".csv", "sightline-demo");
            }
        });
        statistics.refresh(TableStatistics.Tables.GEOGRAPHY);
        statistics.refresh(TableStatistics.Tables.OBSERVATIONS);
        log.info("Demo data set ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
