package org.sightline.api.boundaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Decodes TopoJSON (https://github.com/topojson/topojson-specification) into JTS geometries:
 * arcs are delta-encoded and quantized when the topology has a transform; a negative arc index
 * ~i means arc i reversed; a ring is its arcs joined, each arc after the first without its first
 * point (which repeats the previous arc's last point). Only Polygon and MultiPolygon geometries
 * are read, which is what boundary files hold.
 */
final class TopoJson {

    /** One decoded feature: its properties and geometry. */
    record Feature(Map<String, Object> properties, String id, Geometry geometry) {
    }

    private final GeometryFactory geometries;
    private final List<List<Coordinate>> arcs = new ArrayList<>();

    TopoJson(JsonNode topology, GeometryFactory geometries) {
        this.geometries = geometries;
        JsonNode transform = topology.get("transform");
        double scaleX = transform == null ? 1 : transform.at("/scale/0").asDouble();
        double scaleY = transform == null ? 1 : transform.at("/scale/1").asDouble();
        double translateX = transform == null ? 0 : transform.at("/translate/0").asDouble();
        double translateY = transform == null ? 0 : transform.at("/translate/1").asDouble();
        for (JsonNode arc : topology.get("arcs")) {
            List<Coordinate> points = new ArrayList<>();
            double x = 0;
            double y = 0;
            for (JsonNode position : arc) {
                if (transform == null) {
                    x = position.get(0).asDouble();
                    y = position.get(1).asDouble();
                } else {
                    x += position.get(0).asDouble();
                    y += position.get(1).asDouble();
                }
                points.add(new Coordinate(transform == null ? x : x * scaleX + translateX,
                        transform == null ? y : y * scaleY + translateY));
            }
            arcs.add(points);
        }
    }

    /** Every polygonal feature of every object in the topology. */
    @SuppressWarnings("unchecked")
    List<Feature> features(JsonNode topology, tools.jackson.databind.json.JsonMapper json) {
        List<Feature> features = new ArrayList<>();
        for (JsonNode object : topology.get("objects")) {
            List<JsonNode> members = new ArrayList<>();
            if ("GeometryCollection".equals(object.path("type").asString())) {
                object.get("geometries").forEach(members::add);
            } else {
                members.add(object);
            }
            for (JsonNode geometry : members) {
                Geometry decoded;
                try {
                    decoded = switch (geometry.path("type").asString()) {
                        case "Polygon" -> polygon(geometry.get("arcs"));
                        case "MultiPolygon" -> {
                            List<Polygon> polygons = new ArrayList<>();
                            geometry.get("arcs").forEach(p -> polygons.add(polygon(p)));
                            yield geometries.createMultiPolygon(polygons.toArray(Polygon[]::new));
                        }
                        default -> null;
                    };
                } catch (RuntimeException e) {
                    // Arc indexes out of range, missing arcs, rings too short: this feature's geometry is
                    // unreadable, which the importer reports against its code (null geometry).
                    decoded = null;
                }
                Map<String, Object> properties = geometry.has("properties") && geometry.get("properties").isObject()
                        ? json.convertValue(geometry.get("properties"), Map.class) : Map.of();
                features.add(new Feature(properties, geometry.path("id").asString(null), decoded));
            }
        }
        return features;
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            LinearRing linear = ring(ring);
            if (shell == null) {
                shell = linear;
            } else {
                holes.add(linear);
            }
        }
        return geometries.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing ring(JsonNode arcIndexes) {
        List<Coordinate> points = new ArrayList<>();
        for (JsonNode index : arcIndexes) {
            int i = index.asInt();
            List<Coordinate> arc = new ArrayList<>(arcs.get(i < 0 ? ~i : i));
            if (i < 0) {
                java.util.Collections.reverse(arc);
            }
            points.addAll(points.isEmpty() ? arc : arc.subList(1, arc.size()));
        }
        if (!points.get(0).equals2D(points.get(points.size() - 1))) {
            points.add(new Coordinate(points.get(0)));
        }
        return geometries.createLinearRing(points.toArray(Coordinate[]::new));
    }
}
