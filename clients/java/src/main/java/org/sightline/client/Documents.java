package org.sightline.client;

/** The GraphQL documents the client sends: one per typed method, with the fields its records hold. */
final class Documents {

    private Documents() {
    }

    private static final String AREA = "code name type { code name }";

    private static final String OBSERVATION = """
            fragment ObservationFields on Observation {
              area { %s }
              period { code type start end }
              characteristics { type code label }
              value count denominator lowerCI upperCI ciMethod
              disclosure { status reason mechanism epsilon rho noiseInterval }
            }""".formatted(AREA);

    private static final String INDICATOR = """
            fragment IndicatorFields on Indicator {
              id title definition unit measureType multiplier polarity disclosureClass source licence methodology
              periods { code type start end }
              characteristicTypes { code name values { type code label } }
              owner { code name }
              contact topics
            }""";

    static final String OBSERVATIONS = """
            query Observations($query: ObservationQuery!, $first: Int, $after: String) {
              observations(query: $query, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { ...ObservationFields } }
              }
            }
            """ + OBSERVATION;

    static final String COMPARE = """
            query Compare($query: ObservationQuery!, $benchmark: String, $method: ComparisonMethod) {
              compare(query: $query, benchmark: $benchmark, method: $method) {
                observation { ...ObservationFields } benchmark { ...ObservationFields } outcome quintile
              }
            }
            """ + OBSERVATION;

    static final String RANK = """
            query Rank($query: ObservationQuery!) {
              rank(query: $query) { observation { ...ObservationFields } rank quintile }
            }
            """ + OBSERVATION;

    static final String TREND = """
            query Trend($query: ObservationQuery!) {
              trend(query: $query) {
                area { %s } characteristics { type code label } points { ...ObservationFields }
                change classification recentTrend
              }
            }
            """.formatted(AREA) + OBSERVATION;

    static final String CATALOGUE = """
            query Catalogue($search: String, $areaType: String, $characteristic: String, $first: Int, $after: String) {
              catalogue(search: $search, areaType: $areaType, characteristic: $characteristic, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { ...IndicatorFields } }
              }
            }
            """ + INDICATOR;

    static final String INDICATOR_BY_ID = """
            query Indicator($id: ID!) { indicator(id: $id) { ...IndicatorFields } }
            """ + INDICATOR;

    static final String AREAS = """
            query Areas($type: String, $within: String, $search: String, $first: Int, $after: String) {
              areas(type: $type, within: $within, search: $search, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { %s } }
              }
            }""".formatted(AREA);

    static final String AREA_BY_CODE = """
            query Area($code: String!) { area(code: $code) { %s } }""".formatted(AREA);

    static final String RELEASES = """
            query Releases($indicator: ID!) {
              releases(indicator: $indicator) {
                id indicator version status periods areaType publishedAt organisation uploadedBy cells fileName fileSha256
                method agreement corrects correctionReason supersededAt withdrawnAt withdrawnBy withdrawalReason
              }
            }""";
}
