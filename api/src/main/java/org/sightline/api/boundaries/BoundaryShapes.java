package org.sightline.api.boundaries;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves boundaries as GeoJSON geometry objects, simplified for a web-map zoom level: at zoom z a
 * pixel spans about 360 / (256 * 2^z) degrees, and detail finer than a pixel is dropped with a
 * topology-preserving simplification (so polygons stay valid). No zoom: full resolution.
 */
@Component
public class BoundaryShapes {

    private final Boundaries boundaries;
    private final JsonMapper json;

    BoundaryShapes(Boundaries boundaries, JsonMapper json) {
        this.boundaries = boundaries;
        this.json = json;
    }

    /** GeoJSON geometry objects by area code (areas without a boundary are absent). */
    public Map<String, Object> geoJson(Collection<String> codes, Integer zoom) {
        Map<String, Object> shapes = new HashMap<>();
        GeoJsonReader reader = new GeoJsonReader();
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        boundaries.byCodes(codes).forEach((code, stored) -> {
            String geometry = stored;
            if (zoom != null) {
                try {
                    Geometry full = reader.read(stored);
                    geometry = writer.write(TopologyPreservingSimplifier.simplify(full, toleranceAt(zoom)));
                } catch (ParseException e) {
                    throw new IllegalStateException("stored boundary of " + code + " is not GeoJSON", e);
                }
            }
            shapes.put(code, json.readValue(geometry, Map.class));
        });
        return shapes;
    }

    static double toleranceAt(int zoom) {
        if (zoom < 0 || zoom > 22) {
            throw new IllegalArgumentException("zoom must be between 0 and 22");
        }
        return 360.0 / (256 * Math.pow(2, zoom));
    }
}
