package org.sightline.api.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import org.sightline.api.agreements.AgreementTerms;
import org.sightline.api.agreements.Agreements;
import org.sightline.api.agreements.SharingFrequency;
import org.sightline.api.boundaries.BoundaryImportReport;
import org.sightline.api.boundaries.BoundaryImporter;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.api.database.SightlineProperties;
import org.sightline.api.database.TableStatistics;
import org.sightline.api.geography.GeographyImporter;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.releases.ReleaseImporter;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set on start when {@code sightline.demo} is true (by default: only on the
 * embedded database), through the same importers
 * partners use. Loading is idempotent (every importer recognises what it already has), so a
 * restart loads nothing new. It runs once every bean exists and before the web server starts, so
 * the first request already sees the demo data and keys.
 */
@Component
class DemoDataLoader implements SmartInitializingSingleton {

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
    private final ApiKeys apiKeys;
    private final Agreements agreements;
    // The catalogue and the gaps log (issue 11, items 5 and 6).
    private final java.time.Clock clock;
    private final org.sightline.api.gaps.DataGaps gaps;
    // issue 11 (intake): the demo postcode directory
    private final org.sightline.api.postcodes.PostcodeDirectoryImporter postcodeDirectory;
    // issue 13 (dashboard): made-up boundaries, so the demo can be drawn on a map
    private final BoundaryImporter boundaries;

    DemoDataLoader(SightlineProperties properties, GeographyImporter geography, CharacteristicTypes characteristicTypes,
                   Indicators indicators, ReleaseImporter releases, Organisations organisations, TransactionTemplate transaction,
                   TableStatistics statistics, Optional<EmbeddedPostgres> embeddedDatabase, ApiKeys apiKeys,
                   Agreements agreements, java.time.Clock clock, org.sightline.api.gaps.DataGaps gaps,
                   org.sightline.api.postcodes.PostcodeDirectoryImporter postcodeDirectory, BoundaryImporter boundaries) {
        this.boundaries = boundaries;
        this.clock = clock;
        this.gaps = gaps;
        this.postcodeDirectory = postcodeDirectory;
        this.apiKeys = apiKeys;
        this.agreements = agreements;
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
    public void afterSingletonsInstantiated() {
        boolean wanted = properties.demo() != null ? properties.demo() : embeddedDatabase.isPresent();
        if (!wanted) {
            return;
        }
        long started = System.nanoTime();
        DemoDataSet demo = new DemoDataSet();
        long[] boundariesTook = new long[1];
        transaction.executeWithoutResult(status -> {
            int council = organisations.ensure("demo-wessex-council", "Wessex County Council (demo)", "COUNCIL");
            int nhs = organisations.ensure("demo-wessex-icb", "Wessex NHS Integrated Care Board (demo)", "NHS");
            int police = organisations.ensure("demo-wessex-police", "Wessex Police (demo)", "POLICE");
            organisations.ensure("demo-wessex-fire", "Wessex Fire and Rescue (demo)", "FIRE");
            int voluntary = organisations.ensure("demo-wessex-voluntary", "Wessex Voluntary Action (demo)", "VOLUNTARY");
            try {
                geography.importFile(demo.geographyCsv());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // The demo's boundaries, through the importer of published files (validated, repaired, stored).
            long drawing = System.nanoTime();
            BoundaryImportReport shapes = boundaries.importFile(demo.boundariesGeoJson(), "sightline-demo-boundaries.geojson");
            boundariesTook[0] = (System.nanoTime() - drawing) / 1_000_000;
            if (!shapes.unmatchedCodes().isEmpty() || !shapes.invalidFeatures().isEmpty()) {
                throw new IllegalStateException("demo boundaries do not fit the demo geography: unmatched "
                        + shapes.unmatchedCodes() + ", invalid " + shapes.invalidFeatures());
            }
            demo.characteristicTypes().forEach(characteristicTypes::define);
            // issue 11 (intake): Demoland's postcode directory, through the same importer as ONSPD/NSPL files
            postcodeDirectory.load(new java.io.ByteArrayInputStream(demo.postcodeDirectoryCsv()), null,
                    new Caller("sightline-demo", Role.ADMIN, council));
            for (IndicatorDefinition indicator : demo.indicators()) {
                int owner = switch (indicator.id()) {
                    case DemoDataSet.ADMISSIONS_RATE, DemoDataSet.ADMISSIONS_BY_DEPRIVATION -> nhs;
                    case DemoDataSet.WELLBEING_SCORE -> voluntary;
                    default -> council;
                };
                indicators.define(indicator, owner);
                releases.importRelease(indicator.id(), demo.releaseCsv(indicator.id()), indicator.id() + ".csv",
                        new Caller("sightline-demo", Role.ADMIN, council));
            }
            // The demo credentials of API.md; only the demo data set creates them.
            apiKeys.register("demo-partner", "demo partner (Wessex Police)", police, Role.PARTNER);
            apiKeys.register("demo-analyst", "demo analyst (Wessex ICB, under the demo JSNA agreement)", nhs, Role.ANALYST);
            apiKeys.register("demo-steward", "demo steward (Wessex County Council, owner of the sensitive demo data)", council, Role.STEWARD);
            apiKeys.register("demo-admin", "demo operator", council, Role.ADMIN);
            int sensitive = indicators.find(DemoDataSet.SERVICE_CONTACTS).orElseThrow().dbId();
            int highlySensitive = indicators.find(DemoDataSet.SAFEGUARDING_CONCERNS).orElseThrow().dbId();
            int careHomes = indicators.find(DemoDataSet.CARE_HOME_ADMISSIONS).orElseThrow().dbId();
            // The demo agreement as a register holds it: approved by the council (the data owner), reviewed yearly.
            agreements.ensureApproved("demo-wessex-jsna", new AgreementTerms("Wessex JSNA data sharing agreement (demo)",
                            "Joint Strategic Needs Assessment of adult social care needs", "UK GDPR Art. 6(1)(e), 9(2)(h)",
                            java.util.List.of("need code", "sex", "IMD decile", "LSOA", "period", "count of people",
                                    "admissions per 100,000 aged 65+"),
                            SharingFrequency.QUARTERLY,
                            "Aggregates only, no record-level data; exact values to named ICB analysts through Sightline "
                                    + "API keys; access audited; NHS DSPT standards met by both parties",
                            java.time.LocalDate.of(2024, 4, 1), null, java.time.LocalDate.of(2027, 3, 31)),
                    java.util.List.of(council, nhs), java.util.List.of(sensitive, highlySensitive, careHomes),
                    "sightline-demo", council, java.time.OffsetDateTime.parse("2024-03-15T10:00:00Z"));
            // The catalogue (issue 11, item 5): owners' contacts, topics and refresh schedules, set once
            // (a restart keeps what owners have changed since), and two entries of the gaps log (item 6).
            for (IndicatorDefinition indicator : demo.indicators()) {
                int id = indicators.find(indicator.id()).orElseThrow().dbId();
                if (indicators.description(id).equals(org.sightline.api.indicators.IndicatorDescription.NONE)) {
                    indicators.describe(id, demo.description(indicator.id(), java.time.LocalDate.now(clock)));
                }
            }
            if (gaps.list(null).stream().noneMatch(g -> g.raisedBy().equals("sightline-demo"))) {
                Caller demoCaller = new Caller("sightline-demo", Role.ADMIN, council);
                gaps.raise(demoCaller, DemoDataSet.SERVICE_CONTACTS, "age_band", null,
                        "Adults in contact with social care are not broken down by age band, so needs of older adults cannot be told apart.");
                gaps.raise(demoCaller, null, null, "msoa",
                        "No indicator of the voluntary sector's reach exists below district level; the neighbourhood teams plan by MSOA.");
            }
        });
        statistics.refresh(TableStatistics.Tables.GEOGRAPHY);
        statistics.refresh(TableStatistics.Tables.OBSERVATIONS);
        log.info("Demo data set ready in {} ms (boundaries drawn and stored in {} ms)", (System.nanoTime() - started) / 1_000_000,
                boundariesTook[0]);
    }
}
