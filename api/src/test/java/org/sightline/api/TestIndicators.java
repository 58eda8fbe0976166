package org.sightline.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Indicator definitions the tests send to {@code POST /api/v1/indicators}. */
public final class TestIndicators {

    private TestIndicators() {
    }

    /**
     * An OPEN count of people by sex, as the body of {@code POST /api/v1/indicators}; a mutable map,
     * so a test changes what it is about (e.g. {@code put("disclosureClass", "SENSITIVE")}).
     */
    public static Map<String, Object> countBySex(String id, String title, String definition) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("title", title);
        body.put("definition", definition);
        body.put("unit", "people");
        body.put("measureType", "ADDITIVE_COUNT");
        body.put("multiplier", 1);
        body.put("polarity", "NO_JUDGEMENT");
        body.put("disclosureClass", "OPEN");
        body.put("source", "Test suite");
        body.put("licence", "OGL v3.0");
        body.put("characteristicTypes", List.of("sex"));
        return body;
    }
}
