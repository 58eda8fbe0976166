/**
 * Faults fail fast and heal: a database that stops answering gives 503 within the pool's connection
 * timeout (REST and GraphQL alike), readiness goes DOWN while it is away, and nothing needs a
 * restart when it returns.
 */
package org.sightline.api.faults;
