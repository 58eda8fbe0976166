/** Releases: immutable, versioned loads of observations for an indicator, with their provenance. */
package org.sightline.api.releases;
