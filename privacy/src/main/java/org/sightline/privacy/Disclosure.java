package org.sightline.privacy;

import java.util.Objects;

/**
 * The disclosure metadata every released cell carries, so a dashboard can draw a marker and an
 * analyst knows what they are looking at.
 *
 * @param reason    why the value was changed or withheld, in words a person can act on (null if EXACT)
 * @param mechanism the mechanism applied, e.g. {@code discrete-gaussian}, {@code threshold-suppression}
 * @param epsilon   the epsilon spent for this cell when noised, for display
 * @param rho       the zCDP rho spent for this cell when noised
 * @param noiseInterval half-width of the interval that holds the added noise with 95% probability, when noised
 */
public record Disclosure(DisclosureStatus status, String reason, String mechanism, Double epsilon, Double rho,
                         Double noiseInterval) {

    public static final Disclosure EXACT = new Disclosure(DisclosureStatus.EXACT, null, null, null, null, null);

    public static Disclosure suppressed(String reason, String mechanism) {
        return new Disclosure(DisclosureStatus.SUPPRESSED, reason, mechanism, null, null, null);
    }

    public Disclosure {
        Objects.requireNonNull(status, "status");
    }
}
