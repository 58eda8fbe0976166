package org.sightline.client;

import java.util.List;

/** An indicator as the catalogue describes it: what it measures, how sensitive it is, its periods and breakdowns. */
public record Indicator(String id, String title, String definition, String unit, MeasureType measureType, int multiplier,
                        Polarity polarity, DisclosureClass disclosureClass, String source, String licence, String methodology,
                        List<Period> periods, List<CharacteristicType> characteristicTypes, IndicatorOwner owner,
                        String contact, List<String> topics) {
}
