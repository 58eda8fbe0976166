-- Area boundaries as GeoJSON geometries in WGS84 longitude/latitude, at full resolution; the API
-- simplifies them for the zoom level a map asks for. (PostGIS would add spatial queries; plain
-- JSON keeps the database portable while Sightline only draws boundaries.)
CREATE TABLE area_boundary (
    area_id   integer      NOT NULL PRIMARY KEY,
    geometry  text         NOT NULL,
    source    varchar(300),
    loaded_at timestamp with time zone NOT NULL DEFAULT current_timestamp,
    CONSTRAINT area_boundary_area_fkey FOREIGN KEY (area_id) REFERENCES area (id)
);
