/**
 * Public-health statistics as Public Health England / OHID Fingertips compute them: confidence levels, Wilson
 * score intervals for proportions, exact and Byar's intervals for counts, crude rates, the slope index of
 * inequality with simulated limits, the chi-square test for trend with Fingertips recent-trend markers, and
 * benchmark comparison by confidence-interval overlap.
 *
 * <p>Pure Java (JDK only); every class is stateless and thread-safe apart from the caller-supplied random
 * generator used by {@link org.sightline.domain.statistics.SlopeIndexOfInequality}.
 */
package org.sightline.domain.statistics;
