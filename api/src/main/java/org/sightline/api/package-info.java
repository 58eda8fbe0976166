/**
 * The Spring Boot service: adapters that expose the domain and the privacy engine over GraphQL
 * and REST, and persist them in PostgreSQL with jOOQ. One package per feature.
 */
package org.sightline.api;
