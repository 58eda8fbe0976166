package org.sightline.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/**
 * The demo's made-up boundaries as a map reads them, through GraphQL {@code Area.boundary}: every
 * district, ward and LSOA (and MSOA) of Wessex (the demo's own, coded Z...) has a valid polygon in longitude/latitude, each
 * lies within its parent, siblings do not overlap and together cover their parent - so a
 * choropleth of any level has no gaps or double-painted ground - and they stay valid when
 * simplified for a map's zoom.
 */
class DemoBoundariesTest extends SightlineTest {

    private static final String AREAS = """
            query($type: String!, $zoom: Int) {
              areas(type: $type, within: "Z12000001", first: 1000) {
                edges { node { code parent { code } boundary(zoom: $zoom) } }
              }
            }""";

    record Shape(String code, String parent, Geometry geometry) {
    }

    @Test
    void everyDemoAreaHasAValidBoundaryWithinItsParentAndSiblingsTileTheParent() throws Exception {
        Geometry region = geometry(api().data("{ area(code: \"Z12000001\") { boundary } }", Map.of()).at("/area/boundary"));
        Geometry country = geometry(api().data("{ area(code: \"Z92000001\") { boundary } }", Map.of()).at("/area/boundary"));
        assertThat(region.isValid()).isTrue();
        assertThat(country.equalsExact(region, 1e-9)).as("Demoland is Wessex alone").isTrue();
        // Somewhere on land in southern England, not at (0, 0).
        assertThat(region.getEnvelopeInternal().getMinX()).isBetween(-4.0, 0.0);
        assertThat(region.getEnvelopeInternal().getMinY()).isBetween(50.0, 52.0);

        Map<String, Geometry> parents = new LinkedHashMap<>(Map.of("Z12000001", region));
        int[] expectedCounts = {5, 100, 600};
        String[] levels = {"lad", "ward", "lsoa"};
        for (int level = 0; level < levels.length; level++) {
            List<Shape> shapes = shapes(levels[level], null);
            assertThat(shapes).as(levels[level]).hasSize(expectedCounts[level]);
            Map<String, List<Shape>> byParent = new LinkedHashMap<>();
            for (Shape shape : shapes) {
                assertThat(shape.geometry()).as(shape.code()).isInstanceOfAny(Polygon.class, MultiPolygon.class);
                assertThat(shape.geometry().isValid()).as(shape.code() + " is a valid polygon").isTrue();
                assertThat(shape.geometry().getArea()).as(shape.code()).isPositive();
                byParent.computeIfAbsent(shape.parent(), p -> new ArrayList<>()).add(shape);
            }
            assertThat(byParent.keySet()).isEqualTo(parents.keySet());
            for (Map.Entry<String, List<Shape>> family : byParent.entrySet()) {
                assertTiles(parents.get(family.getKey()), family.getKey(), family.getValue());
            }
            parents.clear();
            shapes.forEach(s -> parents.put(s.code(), s.geometry()));
        }

        // An MSOA of the demo has its ward's LSOAs, so it has its ward's shape.
        Map<String, Geometry> msoas = new LinkedHashMap<>();
        shapes("msoa", null).forEach(s -> msoas.put(s.code(), s.geometry()));
        Map<String, Geometry> wards = new LinkedHashMap<>();
        shapes("ward", null).forEach(s -> wards.put(s.code(), s.geometry()));
        assertThat(msoas).hasSize(100);
        wards.forEach((ward, shape) -> assertThat(msoas.get("Z02" + ward.substring(3)).equalsExact(shape, 1e-9)).as(ward).isTrue());
    }

    @Test
    void boundariesSimplifiedForTheDashboardsZoomLevelsStayValid() throws Exception {
        for (Map.Entry<String, Integer> level : Map.of("lad", 9, "ward", 11, "lsoa", 13).entrySet()) {
            for (Shape shape : shapes(level.getKey(), level.getValue())) {
                assertThat(shape.geometry().isValid()).as(shape.code() + " at zoom " + level.getValue()).isTrue();
                assertThat(shape.geometry().getArea()).isPositive();
            }
        }
    }

    /** The children of one parent: each within it, no two overlapping, together covering it. */
    private static void assertTiles(Geometry parent, String parentCode, List<Shape> children) {
        double sum = 0;
        for (Shape child : children) {
            double area = child.geometry().getArea();
            sum += area;
            assertThat(child.geometry().intersection(parent).getArea() / area)
                    .as(child.code() + " lies within " + parentCode).isGreaterThan(0.99);
        }
        double overlap = 0;
        for (int i = 0; i < children.size(); i++) {
            for (int j = i + 1; j < children.size(); j++) {
                overlap += children.get(i).geometry().intersection(children.get(j).geometry()).getArea();
            }
        }
        assertThat(overlap / parent.getArea()).as("siblings under " + parentCode + " overlap").isLessThan(0.01);
        assertThat(sum / parent.getArea()).as("children of " + parentCode + " cover it").isBetween(0.99, 1.01);
    }

    private List<Shape> shapes(String type, Integer zoom) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("type", type);
        if (zoom != null) {
            variables.put("zoom", zoom);
        }
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode edge : api().data(AREAS, variables).at("/areas/edges")) {
            JsonNode node = edge.get("node");
            if (!node.get("code").asString().startsWith("Z")) {
                continue; // an area another test added to Wessex, not the demo's
            }
            assertThat(node.get("boundary").isNull()).as(node.get("code").asString() + " has a boundary").isFalse();
            shapes.add(new Shape(node.get("code").asString(), node.at("/parent/code").asString(), geometry(node.get("boundary"))));
        }
        return shapes;
    }

    private static Geometry geometry(JsonNode geoJson) throws Exception {
        return new GeoJsonReader().read(geoJson.toString());
    }
}
