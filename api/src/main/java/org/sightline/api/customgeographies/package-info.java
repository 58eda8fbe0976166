/** Custom geographies: named sets of standard areas that users define and query like any area. */
package org.sightline.api.customgeographies;
