/** Reporting periods (calendar and financial years, quarters, months) and their codes. */
package org.sightline.domain.time;
