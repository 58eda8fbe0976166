package org.sightline.api.completeness;

/**
 * How well a release records a characteristic type.
 * <ul>
 *   <li>{@link #NOT_RECORDED}: the release carries no breakdown by the type (the indicator is not
 *       broken down by it), or every counted person or event has an unknown or not-stated value;</li>
 *   <li>{@link #PARTLY}: broken down by it, but in the release as a whole or in one of its periods
 *       more than the threshold ({@code sightline.completeness.partly-above-percent}, default 5)
 *       per cent of the count has an unknown or not-stated value;</li>
 *   <li>{@link #RECORDED}: broken down by it, with at most the threshold unknown in every period
 *       (or, where no share can be derived, simply broken down by it).</li>
 * </ul>
 */
enum Coverage {
    RECORDED, PARTLY, NOT_RECORDED
}
