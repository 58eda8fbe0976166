/**
 * Threshold (primary) and complementary (secondary) cell suppression for count tables whose
 * margins are published alongside their cells, so that no suppressed count can be worked back out
 * from the totals. Entry point: {@link org.sightline.privacy.suppression.SecondarySuppression}.
 * Pure Java, depends on nothing but the JDK.
 */
package org.sightline.privacy.suppression;
