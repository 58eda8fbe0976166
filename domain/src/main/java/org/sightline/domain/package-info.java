/**
 * Sightline's statistical model in plain Java: indicators, areas, periods, characteristics,
 * observation queries and the rules that govern them. Nothing here knows about Spring, jOOQ or
 * JDBC; the {@code api} module adapts it to the outside world.
 */
package org.sightline.domain;
