package org.sightline.api.indicators;

/**
 * The GraphQL shape of an indicator ({@code type Indicator}): its definition's fields, and the
 * stored indicator for the fields other packages add (the catalogue's availability and refresh).
 */
public record IndicatorView(String id, String title, String definition, String unit, String measureType, int multiplier,
                            String polarity, String disclosureClass, String source, String licence, String methodology,
                            StoredIndicator stored) {

    public static IndicatorView of(StoredIndicator i) {
        var d = i.definition();
        return new IndicatorView(d.id(), d.title(), d.definition(), d.unit(), d.measureType().name(), d.multiplier(),
                d.polarity().name(), d.disclosureClass().name(), d.source(), d.licence(), d.methodology(), i);
    }
}
