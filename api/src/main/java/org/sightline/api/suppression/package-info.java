/**
 * Suppression patterns solved once per release: for every current release of an indicator, every
 * period, every country and every table a policy rule needs, the whole table of margins is
 * suppressed when the release is published and the withheld cells are stored; questions at any
 * level look their cells up, so the same cell is withheld in every answer and no question solves
 * a table.
 */
package org.sightline.api.suppression;
