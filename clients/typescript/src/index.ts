export { SightlineClient, SightlineError } from './client.js';
export type { ErrorClassification, GraphQlError, RequestOptions, SightlineClientOptions } from './client.js';
export { graphql } from './gql/index.js';
export * from './gql/graphql.js';
export type { GeoJsonGeometry, GeoJsonPosition } from './geojson.js';
export { compareQuery, indicatorsQuery, observationsQuery, rankQuery, trendQuery } from './queries.js';
