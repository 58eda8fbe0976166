/**
 * The browser pages served from the jar: the map-first dashboard at {@code /} and GraphiQL at
 * {@code /graphiql}, static files under {@code static/} whose libraries (Leaflet, GOV.UK Frontend,
 * React, GraphiQL) are webjars, so nothing is loaded from another host.
 */
package org.sightline.api.pages;
