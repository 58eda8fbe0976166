package org.sightline.api.indicators;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sightline.domain.catalogue.RefreshSchedule;

/**
 * What the catalogue says about an indicator besides its definition: whom to ask (a team mailbox
 * or phone line; it is shown to every caller, so never a person's private details), the topics it
 * is found by, and its refresh schedule. Unlike the definition it may change (by the owner), since
 * none of it changes a number.
 *
 * @param topics lower case, without repeats, in the order given
 */
public record IndicatorDescription(String contact, List<String> topics, RefreshSchedule schedule) {

    public static final IndicatorDescription NONE = new IndicatorDescription(null, List.of(), RefreshSchedule.NONE);
    static final int MAX_CONTACT = 300;
    static final int MAX_TOPIC = 100;

    public IndicatorDescription {
        contact = contact == null || contact.isBlank() ? null : contact.strip();
        if (contact != null && contact.length() > MAX_CONTACT) {
            throw new IllegalArgumentException("contact must be at most " + MAX_CONTACT + " characters");
        }
        Set<String> cleaned = new LinkedHashSet<>();
        for (String topic : topics == null ? List.<String>of() : topics) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("topics must not be empty strings");
            }
            String t = topic.strip().toLowerCase(Locale.ROOT);
            if (t.length() > MAX_TOPIC) {
                throw new IllegalArgumentException("topic '" + t + "' is longer than " + MAX_TOPIC + " characters");
            }
            cleaned.add(t);
        }
        topics = List.copyOf(cleaned);
        schedule = schedule == null ? RefreshSchedule.NONE : schedule;
    }
}
