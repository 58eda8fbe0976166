/**
 * Limits that keep one caller from starving the others: request body sizes per endpoint, GraphQL
 * depth, cost, aliases and list lengths, statement timeouts and rate limits per key and per IP.
 * Every limit is a {@code sightline.limits.*} property (see docs/limits.md) and every refusal names
 * the limit it hit.
 */
package org.sightline.api.limits;
