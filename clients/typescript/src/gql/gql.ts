/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Indicators($search: String, $first: Int = 50, $after: String) {\n    indicators(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title definition unit measureType multiplier polarity disclosureClass source licence\n          periods { code type start end }\n          characteristicTypes { code name values { code label } }\n        }\n      }\n    }\n  }\n": typeof types.IndicatorsDocument,
    "\n  query ObservationsInArea(\n    $indicator: ID!, $within: String!, $level: String!,\n    $periods: PeriodSelector, $breakdown: [String!], $first: Int = 1000, $after: String\n  ) {\n    observations(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods, breakdown: $breakdown }\n      first: $first, after: $after\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          area { code name }\n          period { code }\n          characteristics { type code label }\n          value count denominator lowerCI upperCI\n          disclosure { status reason noiseInterval }\n        }\n      }\n    }\n  }\n": typeof types.ObservationsInAreaDocument,
    "\n  query CompareAreas(\n    $indicator: ID!, $within: String!, $level: String!,\n    $benchmark: String, $method: ComparisonMethod, $periods: PeriodSelector, $zoom: Int\n  ) {\n    compare(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }\n      benchmark: $benchmark, method: $method\n    ) {\n      observation {\n        area { code name boundary(zoom: $zoom) }\n        period { code }\n        value lowerCI upperCI\n        disclosure { status reason noiseInterval }\n      }\n      benchmark { area { code name } value }\n      outcome\n      quintile\n    }\n  }\n": typeof types.CompareAreasDocument,
    "\n  query AreaTrend($indicator: ID!, $areas: [String!]!, $breakdown: [String!]) {\n    trend(query: { indicator: $indicator, areas: { codes: $areas }, breakdown: $breakdown }) {\n      area { code name }\n      characteristics { type code label }\n      points {\n        period { code start end }\n        value lowerCI upperCI\n        disclosure { status reason }\n      }\n      change\n      recentTrend\n      classification\n    }\n  }\n": typeof types.AreaTrendDocument,
    "\n  query RankAreas($indicator: ID!, $within: String!, $level: String!, $periods: PeriodSelector) {\n    rank(query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }) {\n      rank\n      quintile\n      observation {\n        area { code name }\n        period { code }\n        value\n        disclosure { status }\n      }\n    }\n  }\n": typeof types.RankAreasDocument,
};
const documents: Documents = {
    "\n  query Indicators($search: String, $first: Int = 50, $after: String) {\n    indicators(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title definition unit measureType multiplier polarity disclosureClass source licence\n          periods { code type start end }\n          characteristicTypes { code name values { code label } }\n        }\n      }\n    }\n  }\n": types.IndicatorsDocument,
    "\n  query ObservationsInArea(\n    $indicator: ID!, $within: String!, $level: String!,\n    $periods: PeriodSelector, $breakdown: [String!], $first: Int = 1000, $after: String\n  ) {\n    observations(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods, breakdown: $breakdown }\n      first: $first, after: $after\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          area { code name }\n          period { code }\n          characteristics { type code label }\n          value count denominator lowerCI upperCI\n          disclosure { status reason noiseInterval }\n        }\n      }\n    }\n  }\n": types.ObservationsInAreaDocument,
    "\n  query CompareAreas(\n    $indicator: ID!, $within: String!, $level: String!,\n    $benchmark: String, $method: ComparisonMethod, $periods: PeriodSelector, $zoom: Int\n  ) {\n    compare(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }\n      benchmark: $benchmark, method: $method\n    ) {\n      observation {\n        area { code name boundary(zoom: $zoom) }\n        period { code }\n        value lowerCI upperCI\n        disclosure { status reason noiseInterval }\n      }\n      benchmark { area { code name } value }\n      outcome\n      quintile\n    }\n  }\n": types.CompareAreasDocument,
    "\n  query AreaTrend($indicator: ID!, $areas: [String!]!, $breakdown: [String!]) {\n    trend(query: { indicator: $indicator, areas: { codes: $areas }, breakdown: $breakdown }) {\n      area { code name }\n      characteristics { type code label }\n      points {\n        period { code start end }\n        value lowerCI upperCI\n        disclosure { status reason }\n      }\n      change\n      recentTrend\n      classification\n    }\n  }\n": types.AreaTrendDocument,
    "\n  query RankAreas($indicator: ID!, $within: String!, $level: String!, $periods: PeriodSelector) {\n    rank(query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }) {\n      rank\n      quintile\n      observation {\n        area { code name }\n        period { code }\n        value\n        disclosure { status }\n      }\n    }\n  }\n": types.RankAreasDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Indicators($search: String, $first: Int = 50, $after: String) {\n    indicators(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title definition unit measureType multiplier polarity disclosureClass source licence\n          periods { code type start end }\n          characteristicTypes { code name values { code label } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Indicators($search: String, $first: Int = 50, $after: String) {\n    indicators(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id title definition unit measureType multiplier polarity disclosureClass source licence\n          periods { code type start end }\n          characteristicTypes { code name values { code label } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObservationsInArea(\n    $indicator: ID!, $within: String!, $level: String!,\n    $periods: PeriodSelector, $breakdown: [String!], $first: Int = 1000, $after: String\n  ) {\n    observations(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods, breakdown: $breakdown }\n      first: $first, after: $after\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          area { code name }\n          period { code }\n          characteristics { type code label }\n          value count denominator lowerCI upperCI\n          disclosure { status reason noiseInterval }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ObservationsInArea(\n    $indicator: ID!, $within: String!, $level: String!,\n    $periods: PeriodSelector, $breakdown: [String!], $first: Int = 1000, $after: String\n  ) {\n    observations(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods, breakdown: $breakdown }\n      first: $first, after: $after\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          area { code name }\n          period { code }\n          characteristics { type code label }\n          value count denominator lowerCI upperCI\n          disclosure { status reason noiseInterval }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareAreas(\n    $indicator: ID!, $within: String!, $level: String!,\n    $benchmark: String, $method: ComparisonMethod, $periods: PeriodSelector, $zoom: Int\n  ) {\n    compare(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }\n      benchmark: $benchmark, method: $method\n    ) {\n      observation {\n        area { code name boundary(zoom: $zoom) }\n        period { code }\n        value lowerCI upperCI\n        disclosure { status reason noiseInterval }\n      }\n      benchmark { area { code name } value }\n      outcome\n      quintile\n    }\n  }\n"): (typeof documents)["\n  query CompareAreas(\n    $indicator: ID!, $within: String!, $level: String!,\n    $benchmark: String, $method: ComparisonMethod, $periods: PeriodSelector, $zoom: Int\n  ) {\n    compare(\n      query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }\n      benchmark: $benchmark, method: $method\n    ) {\n      observation {\n        area { code name boundary(zoom: $zoom) }\n        period { code }\n        value lowerCI upperCI\n        disclosure { status reason noiseInterval }\n      }\n      benchmark { area { code name } value }\n      outcome\n      quintile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaTrend($indicator: ID!, $areas: [String!]!, $breakdown: [String!]) {\n    trend(query: { indicator: $indicator, areas: { codes: $areas }, breakdown: $breakdown }) {\n      area { code name }\n      characteristics { type code label }\n      points {\n        period { code start end }\n        value lowerCI upperCI\n        disclosure { status reason }\n      }\n      change\n      recentTrend\n      classification\n    }\n  }\n"): (typeof documents)["\n  query AreaTrend($indicator: ID!, $areas: [String!]!, $breakdown: [String!]) {\n    trend(query: { indicator: $indicator, areas: { codes: $areas }, breakdown: $breakdown }) {\n      area { code name }\n      characteristics { type code label }\n      points {\n        period { code start end }\n        value lowerCI upperCI\n        disclosure { status reason }\n      }\n      change\n      recentTrend\n      classification\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RankAreas($indicator: ID!, $within: String!, $level: String!, $periods: PeriodSelector) {\n    rank(query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }) {\n      rank\n      quintile\n      observation {\n        area { code name }\n        period { code }\n        value\n        disclosure { status }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RankAreas($indicator: ID!, $within: String!, $level: String!, $periods: PeriodSelector) {\n    rank(query: { indicator: $indicator, areas: { within: $within, level: $level }, periods: $periods }) {\n      rank\n      quintile\n      observation {\n        area { code name }\n        period { code }\n        value\n        disclosure { status }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;