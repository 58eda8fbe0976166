/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { GeoJsonGeometry } from '../geojson.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/**
 * CI_OVERLAP_95 / CI_OVERLAP_99_8: whether the area's 95% / 99.8% confidence interval contains the
 * benchmark's value (SIMILAR), lies above it or below it (Fingertips "compared with benchmark").
 * QUINTILES: the area's value placed in a fifth of the released values of all the query's areas in
 * the same period and characteristic combination; quintile 1 is the best fifth when the indicator
 * has a polarity, the highest fifth when it has none (ties share a place; quintile =
 * ceil(5 x rank / n), as `rank` uses). Outcome: quintile 1 -> BETTER (HIGHER without judgement),
 * 5 -> WORSE (LOWER), 2 to 4 -> SIMILAR; no quintile (a withheld value, or fewer than five released
 * values to place among) -> NOT_COMPARED. The benchmark is still reported beside each area.
 */
export const ComparisonMethod = {
  CiOverlap_95: 'CI_OVERLAP_95',
  CiOverlap_99_8: 'CI_OVERLAP_99_8',
  Quintiles: 'QUINTILES'
} as const;

export type ComparisonMethod = typeof ComparisonMethod[keyof typeof ComparisonMethod];
export const ComparisonOutcome = {
  Better: 'BETTER',
  Higher: 'HIGHER',
  Lower: 'LOWER',
  NotCompared: 'NOT_COMPARED',
  Similar: 'SIMILAR',
  Worse: 'WORSE'
} as const;

export type ComparisonOutcome = typeof ComparisonOutcome[keyof typeof ComparisonOutcome];
/** How sensitive an indicator is; with the caller's role it selects the disclosure policy (docs/privacy.md). */
export const DisclosureClass = {
  /** Health, safeguarding, crime victims: protected for all but the steward and agreement-holding analysts. */
  HighlySensitive: 'HIGHLY_SENSITIVE',
  /** Already public (population estimates, deprivation ranks): exact for everyone. */
  Open: 'OPEN',
  /** Counts of people using services: protected for PUBLIC and PARTNER callers. */
  Sensitive: 'SENSITIVE'
} as const;

export type DisclosureClass = typeof DisclosureClass[keyof typeof DisclosureClass];
/** What the privacy engine did to a value before it left the service. */
export const DisclosureStatus = {
  /** The true value. */
  Exact: 'EXACT',
  /** With differentially private noise added; see Disclosure.noiseInterval. */
  Noised: 'NOISED',
  /** Rounded to a base (e.g. the nearest 5) after suppression. */
  Rounded: 'ROUNDED',
  /** Withheld (the value is null); Disclosure.reason says why. */
  Suppressed: 'SUPPRESSED'
} as const;

export type DisclosureStatus = typeof DisclosureStatus[keyof typeof DisclosureStatus];
/** How an indicator's cells combine when rolled up to a coarser area or a characteristic total. */
export const MeasureType = {
  /** A count of people or events: counts add up. */
  AdditiveCount: 'ADDITIVE_COUNT',
  /** A score or rank that cannot be combined: only available at the grain it was supplied at. */
  NonAdditive: 'NON_ADDITIVE',
  /** numerator / denominator x multiplier: numerators and denominators add up, the rate is recomputed. */
  Ratio: 'RATIO'
} as const;

export type MeasureType = typeof MeasureType[keyof typeof MeasureType];
export type PeriodSelector = {
  codes?: Array<string> | null | undefined;
  from?: string | null | undefined;
  latest?: boolean | null | undefined;
  to?: string | null | undefined;
};

/** The kinds of reporting period, each with its code format. */
export const PeriodType = {
  /** UK financial year, code 2019/20: 1 April 2019 to 31 March 2020. */
  FinancialYear: 'FINANCIAL_YEAR',
  /** Calendar month, code 2019-03. */
  Month: 'MONTH',
  /** Calendar quarter, code 2019-Q1: January to March. */
  Quarter: 'QUARTER',
  /** Calendar year, code 2019: 1 January to 31 December. */
  Year: 'YEAR'
} as const;

export type PeriodType = typeof PeriodType[keyof typeof PeriodType];
/** Which direction of an indicator is good news; it colours comparisons and orders need. */
export const Polarity = {
  HigherIsBetter: 'HIGHER_IS_BETTER',
  LowerIsBetter: 'LOWER_IS_BETTER',
  /** No value judgement: comparisons say HIGHER / SIMILAR / LOWER. */
  NoJudgement: 'NO_JUDGEMENT'
} as const;

export type Polarity = typeof Polarity[keyof typeof Polarity];
/**
 * The Fingertips recent-trend marker: the direction of a significant trend over the five most recent
 * points and, when the indicator has a polarity, whether that is getting better or worse.
 */
export const TrendClassification = {
  /** Fewer than five recent points with released values and intervals. */
  CannotBeCalculated: 'CANNOT_BE_CALCULATED',
  /** Decreasing, for an indicator without a value judgement. */
  Decreasing: 'DECREASING',
  DecreasingAndGettingBetter: 'DECREASING_AND_GETTING_BETTER',
  DecreasingAndGettingWorse: 'DECREASING_AND_GETTING_WORSE',
  /** Increasing, for an indicator without a value judgement. */
  Increasing: 'INCREASING',
  IncreasingAndGettingBetter: 'INCREASING_AND_GETTING_BETTER',
  IncreasingAndGettingWorse: 'INCREASING_AND_GETTING_WORSE',
  NoSignificantChange: 'NO_SIGNIFICANT_CHANGE'
} as const;

export type TrendClassification = typeof TrendClassification[keyof typeof TrendClassification];
export type IndicatorsQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type IndicatorsQuery = { indicators: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, definition: string, unit: string, measureType: MeasureType, multiplier: number, polarity: Polarity, disclosureClass: DisclosureClass, source: string, licence: string, periods: Array<{ code: string, type: PeriodType, start: string, end: string }>, characteristicTypes: Array<{ code: string, name: string, values: Array<{ code: string, label: string }> }> } }> } };

export type ObservationsInAreaQueryVariables = Exact<{
  indicator: string | number;
  within: string;
  level: string;
  periods?: PeriodSelector | null | undefined;
  breakdown?: Array<string> | string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ObservationsInAreaQuery = { observations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { value: number | null, count: number | null, denominator: number | null, lowerCI: number | null, upperCI: number | null, area: { code: string, name: string }, period: { code: string }, characteristics: Array<{ type: string, code: string, label: string }>, disclosure: { status: DisclosureStatus, reason: string | null, noiseInterval: number | null } } }> } };

export type CompareAreasQueryVariables = Exact<{
  indicator: string | number;
  within: string;
  level: string;
  benchmark?: string | null | undefined;
  method?: ComparisonMethod | null | undefined;
  periods?: PeriodSelector | null | undefined;
  zoom?: number | null | undefined;
}>;


export type CompareAreasQuery = { compare: Array<{ outcome: ComparisonOutcome, quintile: number | null, observation: { value: number | null, lowerCI: number | null, upperCI: number | null, area: { code: string, name: string, boundary: GeoJsonGeometry | null }, period: { code: string }, disclosure: { status: DisclosureStatus, reason: string | null, noiseInterval: number | null } }, benchmark: { value: number | null, area: { code: string, name: string } } }> };

export type AreaTrendQueryVariables = Exact<{
  indicator: string | number;
  areas: Array<string> | string;
  breakdown?: Array<string> | string | null | undefined;
}>;


export type AreaTrendQuery = { trend: Array<{ change: number | null, recentTrend: TrendClassification, classification: string, area: { code: string, name: string }, characteristics: Array<{ type: string, code: string, label: string }>, points: Array<{ value: number | null, lowerCI: number | null, upperCI: number | null, period: { code: string, start: string, end: string }, disclosure: { status: DisclosureStatus, reason: string | null } }> }> };

export type RankAreasQueryVariables = Exact<{
  indicator: string | number;
  within: string;
  level: string;
  periods?: PeriodSelector | null | undefined;
}>;


export type RankAreasQuery = { rank: Array<{ rank: number | null, quintile: number | null, observation: { value: number | null, area: { code: string, name: string }, period: { code: string }, disclosure: { status: DisclosureStatus } } }> };


export const IndicatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Indicators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"measureType"}},{"kind":"Field","name":{"kind":"Name","value":"multiplier"}},{"kind":"Field","name":{"kind":"Name","value":"polarity"}},{"kind":"Field","name":{"kind":"Name","value":"disclosureClass"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"licence"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"characteristicTypes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IndicatorsQuery, IndicatorsQueryVariables>;
export const ObservationsInAreaDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ObservationsInArea"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"within"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periods"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodSelector"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"breakdown"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"1000"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"indicator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"areas"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"within"},"value":{"kind":"Variable","name":{"kind":"Name","value":"within"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"periods"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periods"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"breakdown"},"value":{"kind":"Variable","name":{"kind":"Name","value":"breakdown"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"characteristics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"lowerCI"}},{"kind":"Field","name":{"kind":"Name","value":"upperCI"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"noiseInterval"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ObservationsInAreaQuery, ObservationsInAreaQueryVariables>;
export const CompareAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompareAreas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"within"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"benchmark"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"method"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComparisonMethod"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periods"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodSelector"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"zoom"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"indicator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"areas"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"within"},"value":{"kind":"Variable","name":{"kind":"Name","value":"within"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"periods"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periods"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"benchmark"},"value":{"kind":"Variable","name":{"kind":"Name","value":"benchmark"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"Variable","name":{"kind":"Name","value":"method"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"boundary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"zoom"},"value":{"kind":"Variable","name":{"kind":"Name","value":"zoom"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lowerCI"}},{"kind":"Field","name":{"kind":"Name","value":"upperCI"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"noiseInterval"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"quintile"}}]}}]}}]} as unknown as DocumentNode<CompareAreasQuery, CompareAreasQueryVariables>;
export const AreaTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AreaTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"areas"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"breakdown"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"indicator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"areas"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"codes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"areas"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"breakdown"},"value":{"kind":"Variable","name":{"kind":"Name","value":"breakdown"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"characteristics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lowerCI"}},{"kind":"Field","name":{"kind":"Name","value":"upperCI"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"recentTrend"}},{"kind":"Field","name":{"kind":"Name","value":"classification"}}]}}]}}]} as unknown as DocumentNode<AreaTrendQuery, AreaTrendQueryVariables>;
export const RankAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RankAreas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"within"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periods"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodSelector"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"indicator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"areas"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"within"},"value":{"kind":"Variable","name":{"kind":"Name","value":"within"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"periods"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periods"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"quintile"}},{"kind":"Field","name":{"kind":"Name","value":"observation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RankAreasQuery, RankAreasQueryVariables>;