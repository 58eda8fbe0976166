/**
 * The server's `GeoJSON` scalar: a GeoJSON geometry (RFC 7946) in WGS84 longitude/latitude, as
 * `Area.boundary(zoom:)` returns it. Structurally compatible with `@types/geojson`'s `Geometry`,
 * so it can be handed to Leaflet's `L.geoJSON` or MapLibre as a feature's geometry.
 */
export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: GeoJsonPosition }
  | { type: 'MultiPoint'; coordinates: GeoJsonPosition[] }
  | { type: 'LineString'; coordinates: GeoJsonPosition[] }
  | { type: 'MultiLineString'; coordinates: GeoJsonPosition[][] }
  | { type: 'Polygon'; coordinates: GeoJsonPosition[][] }
  | { type: 'MultiPolygon'; coordinates: GeoJsonPosition[][][] }
  | { type: 'GeometryCollection'; geometries: GeoJsonGeometry[] };

/** Longitude, latitude (and optionally altitude). */
export type GeoJsonPosition = number[];
