/** Indicators and their metadata: defining them, finding them, listing them. */
package org.sightline.api.indicators;
