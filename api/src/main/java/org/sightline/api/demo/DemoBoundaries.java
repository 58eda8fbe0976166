package org.sightline.api.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Boundaries for the demo geography, made up so a map can be drawn: an irregular outline for the
 * region (and the country, which is the region alone) in Dorset-like longitude/latitude, Hardy's
 * Wessex; the districts are the Voronoi cells of five seeds clipped to it, the wards of each
 * district the cells of twenty seeds clipped to the district, the LSOAs of each ward the cells of
 * six seeds clipped to the ward (an MSOA of the demo has its ward's LSOAs, so its ward's shape).
 * Children therefore tile their parent exactly and share its edges. Seeded, so every start
 * produces the same file; it goes through the boundary importer like a published file.
 * <p>
 * The cells are computed in a local plane where a degree of longitude is shortened by
 * cos(latitude), so areas look round on the ground rather than in degrees.
 */
final class DemoBoundaries {

    /** The middle of the made-up region (near Hardy's Casterbridge, Dorchester). */
    static final double CENTRE_LON = -2.2;
    static final double CENTRE_LAT = 50.85;
    /** The region's mean radius, in degrees of latitude (about 24 km). */
    static final double RADIUS = 0.22;

    private static final double X_SCALE = Math.cos(Math.toRadians(CENTRE_LAT));
    private static final GeometryFactory PLANE = new GeometryFactory();
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    /** Positions are written to a millionth of a degree (about 10 cm). */
    private static final PrecisionModel MICRODEGREES = new PrecisionModel(1e6);
    /**
     * Where the districts' seeds go, as fractions of the radius (east, north; east is stretched
     * as the outline is), in the order of {@link DemoDataSet#DISTRICT_NAMES}, roughly as Hardy
     * placed the towns: Casterbridge in the middle, Melchester north-east, Sandbourne south-east,
     * Budmouth south, Shaston north. All lie within 0.65 of the radius, inside the outline, whose
     * radius never falls below 0.7 of the mean.
     */
    private static final double[][] DISTRICT_SEEDS = {{-0.25, -0.05}, {0.50, 0.38}, {0.50, -0.40}, {-0.30, -0.58}, {-0.05, 0.60}};
    /** The outline is this much wider east-west than north-south, as the county is. */
    private static final double STRETCH = 1.45;

    private DemoBoundaries() {
    }

    /**
     * A GeoJSON FeatureCollection (feature id = area code) for the country, the region and every
     * area of {@code tree}: district code -> ward code -> its LSOA codes; {@code msoaOfWard} names
     * the MSOA that has the same LSOAs as a ward.
     */
    static byte[] featureCollection(String country, String region, Map<String, Map<String, List<String>>> tree,
                                    Map<String, String> msoaOfWard) {
        Map<String, Geometry> shapes = shapes(country, region, tree, msoaOfWard);
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Map.Entry<String, Geometry> shape : shapes.entrySet()) {
            json.append(first ? "" : ",").append("{\"type\":\"Feature\",\"id\":\"").append(shape.getKey())
                    .append("\",\"properties\":{},\"geometry\":").append(writer.write(shape.getValue())).append('}');
            first = false;
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every area's boundary in longitude/latitude, by code, parents before children. */
    static Map<String, Geometry> shapes(String country, String region, Map<String, Map<String, List<String>>> tree,
                                        Map<String, String> msoaOfWard) {
        SplittableRandom random = new SplittableRandom(18_740_101L);
        Map<String, Geometry> plane = new LinkedHashMap<>();
        Geometry outline = outline(random);
        plane.put(country, outline);
        plane.put(region, outline);
        List<Coordinate> districtSeeds = new ArrayList<>();
        for (double[] seed : DISTRICT_SEEDS) {
            districtSeeds.add(new Coordinate(seed[0] * STRETCH * RADIUS, seed[1] * RADIUS));
        }
        List<String> districts = new ArrayList<>(tree.keySet());
        List<Geometry> districtShapes = cells(outline, districtSeeds.subList(0, districts.size()));
        for (int d = 0; d < districts.size(); d++) {
            Geometry district = districtShapes.get(d);
            plane.put(districts.get(d), district);
            List<String> wards = new ArrayList<>(tree.get(districts.get(d)).keySet());
            List<Geometry> wardShapes = cells(district, seeds(district, wards.size(), random));
            for (int w = 0; w < wards.size(); w++) {
                Geometry ward = wardShapes.get(w);
                plane.put(wards.get(w), ward);
                if (msoaOfWard.containsKey(wards.get(w))) {
                    plane.put(msoaOfWard.get(wards.get(w)), ward);
                }
                List<String> lsoas = tree.get(districts.get(d)).get(wards.get(w));
                List<Geometry> lsoaShapes = cells(ward, seeds(ward, lsoas.size(), random));
                for (int l = 0; l < lsoas.size(); l++) {
                    plane.put(lsoas.get(l), lsoaShapes.get(l));
                }
            }
        }
        Map<String, Geometry> lonLat = new LinkedHashMap<>();
        plane.forEach((code, shape) -> lonLat.put(code, toLonLat(shape)));
        return lonLat;
    }

    /**
     * A star-shaped, hence simple, polygon: 72 points whose distance from the centre is the radius
     * varied by a few low harmonics (bays and headlands) and a little jitter (a ragged edge).
     */
    private static Polygon outline(SplittableRandom random) {
        int points = 72;
        double[] amplitudes = new double[6];
        double[] phases = new double[6];
        for (int k = 2; k < 6; k++) {
            amplitudes[k] = 0.02 + 0.05 * random.nextDouble();
            phases[k] = 2 * Math.PI * random.nextDouble();
        }
        Coordinate[] ring = new Coordinate[points + 1];
        for (int i = 0; i < points; i++) {
            double angle = 2 * Math.PI * i / points;
            double r = 1;
            for (int k = 2; k < 6; k++) {
                r += amplitudes[k] * Math.cos(k * angle + phases[k]);
            }
            r *= 1 + 0.025 * (random.nextDouble() * 2 - 1);
            ring[i] = new Coordinate(STRETCH * RADIUS * r * Math.cos(angle), RADIUS * r * Math.sin(angle));
        }
        ring[points] = new Coordinate(ring[0]);
        return PLANE.createPolygon(ring);
    }

    /**
     * {@code n} seeds spread over {@code area} by best-candidate sampling: of ten random points
     * inside, each new seed is the one farthest from the seeds chosen so far.
     */
    private static List<Coordinate> seeds(Geometry area, int n, SplittableRandom random) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        Envelope box = area.getEnvelopeInternal();
        List<Coordinate> seeds = new ArrayList<>();
        while (seeds.size() < n) {
            Coordinate best = null;
            double bestDistance = -1;
            for (int candidate = 0; candidate < 10; candidate++) {
                Coordinate c;
                do {
                    c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                            box.getMinY() + random.nextDouble() * box.getHeight());
                } while (!inside.contains(PLANE.createPoint(c)));
                double nearest = Double.MAX_VALUE;
                for (Coordinate s : seeds) {
                    nearest = Math.min(nearest, s.distance(c));
                }
                if (nearest > bestDistance) {
                    best = c;
                    bestDistance = nearest;
                }
            }
            seeds.add(best);
        }
        return seeds;
    }

    /** The Voronoi cell of each seed clipped to {@code parent}, in the seeds' order. */
    private static List<Geometry> cells(Geometry parent, List<Coordinate> seeds) {
        if (seeds.size() == 1) {
            return List.of(parent);
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(seeds);
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        voronoi.setClipEnvelope(clip);
        Geometry diagram = voronoi.getDiagram(PLANE);
        List<Geometry> cells = new ArrayList<>();
        for (Coordinate seed : seeds) {
            Geometry cell = null;
            for (int i = 0; i < diagram.getNumGeometries() && cell == null; i++) {
                Geometry candidate = diagram.getGeometryN(i);
                if (seed.equals2D((Coordinate) candidate.getUserData())) {
                    cell = candidate;
                }
            }
            if (cell == null) {
                throw new IllegalStateException("no Voronoi cell for the seed at " + seed);
            }
            cells.add(polygonal(cell.intersection(parent)));
        }
        return cells;
    }

    /** The polygons of an overlay's result (dropping the lines and points where cells only touch the parent). */
    @SuppressWarnings("unchecked")
    private static Geometry polygonal(Geometry geometry) {
        List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
        return polygons.size() == 1 ? polygons.get(0) : PLANE.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Geometry toLonLat(Geometry shape) {
        Geometry copy = WGS84.createGeometry(shape);
        copy.apply((CoordinateFilter) c -> {
            c.x = MICRODEGREES.makePrecise(CENTRE_LON + c.x / X_SCALE);
            c.y = MICRODEGREES.makePrecise(CENTRE_LAT + c.y);
        });
        copy.geometryChanged();
        return copy;
    }
}
