/** Indicators: what is measured, how it aggregates, which way is better, and how sensitive it is. */
package org.sightline.domain.indicator;
