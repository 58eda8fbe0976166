/**
 * Typed documents for the common dashboard questions. Each is written with `graphql(...)`; GraphQL
 * Code Generator reads them from this file and generates their result and variable types into
 * src/gql/, so `client.request(compareQuery, {...})` is checked against the schema at compile time.
 * Write your own the same way (see README.md) and run `npm run codegen`.
 */
import { graphql } from './gql/index.js';

/** The catalogue: indicators (optionally matching a title search), a page at a time. */
export const indicatorsQuery = graphql(`
  query Indicators($search: String, $first: Int = 50, $after: String) {
    indicators(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title definition unit measureType multiplier polarity disclosureClass source licence
          periods { code type start end }
          characteristicTypes { code name values { code label } }
        }
      }
    }
  }
`);

/**
 * One indicator's observations for every area of a level inside an area (e.g. the wards of a
 * district), optionally broken down by characteristics, in the latest period unless told.
 */
export const observationsQuery = graphql(`
  query ObservationsInArea(
    $indicator: ID!, $within: String!, $level: String!,
    $periods: PeriodSelector, $breakdown: [String!], $first: Int = 1000, $after: String
  ) {
    observations(
      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods, breakdown: $breakdown }
      first: $first, after: $after
    ) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          area { code name }
          period { code }
          characteristics { type code label }
          value count denominator lowerCI upperCI
          disclosure { status reason noiseInterval }
        }
      }
    }
  }
`);

/**
 * A choropleth: every area of a level inside an area beside a benchmark (default: the country),
 * with the comparison's outcome to colour by and each area's boundary simplified for a map zoom.
 */
export const compareQuery = graphql(`
  query CompareAreas(
    $indicator: ID!, $within: String!, $level: String!,
    $benchmark: String, $method: ComparisonMethod, $periods: PeriodSelector, $zoom: Int
  ) {
    compare(
      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }
      benchmark: $benchmark, method: $method
    ) {
      observation {
        area { code name boundary(zoom: $zoom) }
        period { code }
        value lowerCI upperCI
        disclosure { status reason noiseInterval }
      }
      benchmark { area { code name } value }
      outcome
      quintile
    }
  }
`);

/** Time series of the given areas over every period, with the change and the recent-trend marker. */
export const trendQuery = graphql(`
  query AreaTrend($indicator: ID!, $areas: [String!]!, $breakdown: [String!]) {
    trend(query: { indicator: $indicator, areas: { codes: $areas }, breakdown: $breakdown }) {
      area { code name }
      characteristics { type code label }
      points {
        period { code start end }
        value lowerCI upperCI
        disclosure { status reason }
      }
      change
      recentTrend
      classification
    }
  }
`);

/** The areas of a level inside an area ranked by need (rank 1 = greatest need), with quintiles. */
export const rankQuery = graphql(`
  query RankAreas($indicator: ID!, $within: String!, $level: String!, $periods: PeriodSelector) {
    rank(query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }) {
      rank
      quintile
      observation {
        area { code name }
        period { code }
        value
        disclosure { status }
      }
    }
  }
`);
