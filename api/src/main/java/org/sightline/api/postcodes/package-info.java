/** The postcode directory: ONSPD / NSPL vintages loaded as postcode keys mapped to areas, and postcode sectors. */
package org.sightline.api.postcodes;
