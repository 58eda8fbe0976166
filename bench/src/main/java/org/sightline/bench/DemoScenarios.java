package org.sightline.bench;

import java.util.List;

/**
 * The questions the benchmark asks of the demo data set (region Wessex, Z12000001: 5 districts,
 * 100 wards, 600 LSOAs), chosen as a dashboard or an analyst asks them: whole geographies at
 * once, with the fields a table or a map shows. The expected row counts are the demo data's, so
 * a truncated or refused answer counts as a failure.
 */
public final class DemoScenarios {

    static final String REGION = "Z12000001";

    private static final String OBSERVATIONS = """
            { observations(query: {indicator: "%s", areas: {within: "%s", level: "%s"}, breakdown: [%s]}, first: %d) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { node {
                  area { code name parent(type: "lad") { code name } }
                  period { code }
                  characteristics { type code label }
                  value count denominator lowerCI upperCI
                  disclosure { status reason }
                } } } }""";

    private static final String OBSERVATION_FIELDS = "area { code name } period { code } value lowerCI upperCI disclosure { status }";

    private DemoScenarios() {
    }

    /** Every scenario, in the order the report lists them. */
    public static List<Scenario> all() {
        return List.of(
                Scenario.graphQl("ward-population",
                        "observations: demo-population (OPEN) of the 100 wards of Z12000001 by sex, latest year",
                        OBSERVATIONS.formatted("demo-population", REGION, "ward", "\"sex\"", 1000), 200, "observations", "edges"),
                Scenario.graphQl("lsoa-population",
                        "observations: demo-population (OPEN) of the 600 LSOAs of Z12000001 by sex, latest year, one page",
                        OBSERVATIONS.formatted("demo-population", REGION, "lsoa", "\"sex\"", 2000), 1200, "observations", "edges"),
                Scenario.graphQl("ward-service-contacts",
                        "observations: demo-service-contacts (SENSITIVE: noise for PUBLIC, suppression for a PARTNER) of the 100 wards"
                                + " by need and sex, where the small cells are",
                        OBSERVATIONS.formatted("demo-service-contacts", REGION, "ward", "\"need\", \"sex\"", 2000), 1200, "observations", "edges"),
                Scenario.graphQl("ward-rank",
                        "rank: demo-emergency-admissions of the 100 wards by need, with quintiles",
                        """
                        { rank(query: {indicator: "demo-emergency-admissions", areas: {within: "%s", level: "ward"}}) {
                            rank quintile observation { %s } } }""".formatted(REGION, OBSERVATION_FIELDS),
                        100, "rank"),
                Scenario.graphQl("district-compare",
                        "compare: demo-emergency-admissions of the 5 districts against the default benchmark (the country)",
                        """
                        { compare(query: {indicator: "demo-emergency-admissions", areas: {within: "%s", level: "lad"}}) {
                            outcome observation { %s } benchmark { area { code name } value } } }""".formatted(REGION, OBSERVATION_FIELDS),
                        5, "compare"),
                Scenario.graphQl("district-trend",
                        "trend: demo-emergency-admissions of the 5 districts over every period",
                        """
                        { trend(query: {indicator: "demo-emergency-admissions", areas: {within: "%s", level: "lad"}}) {
                            area { code name } points { period { code } value lowerCI upperCI } change classification } }"""
                                .formatted(REGION),
                        5, "trend"),
                Scenario.graphQl("district-inequality",
                        "inequality: demo-admissions-by-deprivation of the 5 districts by imd_decile, latest year",
                        """
                        { inequality(query: {indicator: "demo-admissions-by-deprivation", areas: {within: "%s", level: "lad"}}, by: "imd_decile") {
                            area { name } period { code }
                            groups { characteristics { code label } value lowerCI upperCI disclosure { status } }
                            absoluteGap relativeGap sii { value lowerCI upperCI } note } }""".formatted(REGION),
                        5, "inequality"),
                Scenario.graphQl("ward-areas",
                        "areas: the 100 wards of Z12000001, each with its parent and its children (LSOAs)",
                        """
                        { areas(type: "ward", within: "%s", first: 100) {
                            totalCount pageInfo { hasNextPage endCursor }
                            edges { node { code name type { code } parent { code name } children { code name } } } } }"""
                                .formatted(REGION),
                        100, "areas", "edges"),
                Scenario.csv("lsoa-csv",
                        "CSV export: demo-population of the 600 LSOAs of Z12000001 by sex, latest year",
                        "/api/v1/observations.csv?indicator=demo-population&within=" + REGION + "&level=lsoa&breakdown=sex", 1200));
    }
}
