package org.sightline.api.boundaries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports boundaries as published: a GeoJSON FeatureCollection or a TopoJSON Topology whose
 * features carry the area code in a property named like {@code LSOA11CD}, {@code WD13CD} or
 * {@code LAD13CD} (or as the feature id). Boundaries of known areas are stored (replacing older
 * ones); codes that match no area are reported, never silently dropped. Invalid geometries are
 * repaired with JTS's buffer(0) when that yields a valid polygon, else reported.
 */
@Service
public class BoundaryImporter {

    private static final Pattern CODE_PROPERTY = Pattern.compile("[A-Z]+\\d{2}CD");

    private final Boundaries boundaries;
    private final JsonMapper json;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    BoundaryImporter(Boundaries boundaries, JsonMapper json) {
        this.boundaries = boundaries;
        this.json = json;
    }

    @Transactional
    public BoundaryImportReport importFile(byte[] content, String source) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("boundary file is not JSON: " + e.getMessage());
        }
        String type = root.path("type").asString();
        List<TopoJson.Feature> features;
        try {
            features = switch (type) {
                case "Topology" -> new TopoJson(root, geometries).features(root, json);
                case "FeatureCollection" -> geoJsonFeatures(root);
                default -> throw new IllegalArgumentException("boundary file must be a GeoJSON FeatureCollection or a TopoJSON Topology, "
                        + "not type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the " + type + " cannot be read: its arcs, transform, objects or features do not "
                    + "follow the TopoJSON / GeoJSON specification");
        }
        String codeProperty = features.stream().flatMap(f -> f.properties().keySet().stream())
                .filter(k -> CODE_PROPERTY.matcher(k).matches()).findFirst().orElse(null);
        Map<String, TopoJson.Feature> byCode = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (TopoJson.Feature feature : features) {
            Object code = codeProperty == null ? feature.id() : feature.properties().getOrDefault(codeProperty, feature.id());
            if (code == null || code.toString().isBlank()) {
                invalid.add("a feature has no " + (codeProperty == null ? "id" : codeProperty));
            } else {
                byCode.put(code.toString(), feature);
            }
        }
        Map<String, Integer> known = boundaries.areaIds(byCode.keySet());
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        int matched = 0;
        for (Map.Entry<String, TopoJson.Feature> entry : byCode.entrySet()) {
            Integer areaId = known.get(entry.getKey());
            if (areaId == null) {
                continue;
            }
            Geometry geometry = entry.getValue().geometry();
            String unusable = unusable(geometry);
            if (unusable != null) {
                invalid.add(entry.getKey() + ": " + unusable);
                continue;
            }
            if (!geometry.isValid()) {
                geometry = geometry.buffer(0);
            }
            if (geometry.isEmpty() || !geometry.isValid()) {
                invalid.add(entry.getKey() + ": geometry is not a valid polygon");
                continue;
            }
            boundaries.store(areaId, writer.write(geometry), source);
            matched++;
        }
        List<String> unmatched = new ArrayList<>(new TreeSet<>(byCode.keySet()));
        unmatched.removeAll(known.keySet());
        return new BoundaryImportReport(type.equals("Topology") ? "topojson" : "geojson", codeProperty, features.size(), matched,
                unmatched, invalid);
    }

    /**
     * Why a feature's geometry cannot be an area's boundary, or null: it must be a Polygon or
     * MultiPolygon in longitude/latitude (WGS84: -180..180, -90..90, finite).
     */
    private static String unusable(Geometry geometry) {
        if (geometry == null) {
            return "geometry is missing or cannot be read (a Polygon or MultiPolygon with closed rings of at least 4 positions)";
        }
        if (!(geometry instanceof Polygon) && !(geometry instanceof MultiPolygon)) {
            return "geometry is a " + geometry.getGeometryType() + "; a boundary must be a Polygon or MultiPolygon";
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                return "geometry has a position outside longitude -180..180 / latitude -90..90 (WGS84)";
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<TopoJson.Feature> geoJsonFeatures(JsonNode collection) {
        GeoJsonReader reader = new GeoJsonReader(geometries);
        List<TopoJson.Feature> features = new ArrayList<>();
        for (JsonNode feature : collection.path("features")) {
            Geometry geometry;
            JsonNode shape = feature.get("geometry");
            try {
                // A missing, null or unreadable geometry is reported against the feature's code (null geometry).
                geometry = shape == null || !shape.isObject() ? null : reader.read(json.writeValueAsString(shape));
            } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
                geometry = null;
            }
            Map<String, Object> properties = feature.has("properties") && feature.get("properties").isObject()
                    ? json.convertValue(feature.get("properties"), Map.class) : Map.of();
            features.add(new TopoJson.Feature(properties, feature.path("id").asString(null), geometry));
        }
        return features;
    }
}
