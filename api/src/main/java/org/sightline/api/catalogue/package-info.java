/**
 * The catalogue ("who holds what"): each indicator's owner, contact and topics, the area types,
 * periods and breakdowns it exists at, its refresh schedule and whether it is overdue, and search
 * over all of it.
 */
package org.sightline.api.catalogue;
