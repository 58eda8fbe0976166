/** Questions about observations (which indicator, areas, periods, breakdown) and the cells that answer them. */
package org.sightline.domain.observation;
