/**
 * HTTP around the answers: GraphQL queries over GET, and validators (ETag / If-None-Match) for
 * the public's answers, so browsers and shared caches can keep them until the data changes.
 */
package org.sightline.api.http;
