/**
 * The edge of the service: refuses bytes no endpoint can use (NUL, invalid UTF-8, a GraphQL body
 * that is not a GraphQL request) with a 400 before any handler, query or database sees them.
 */
package org.sightline.api.edge;
