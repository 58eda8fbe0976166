/**
 * Completeness (the Bristol and Suffolk data audits): per release and characteristic type, whether
 * the type is recorded, partly recorded or not recorded, and the share of the count whose value is
 * unknown or not stated - derived from the public's protected totals when the release is published.
 */
package org.sightline.api.completeness;
