/**
 * What a deployment exposes and to whom: GraphiQL, introspection, the schema printer and the
 * Prometheus endpoint (all on for the demo; metrics not anonymous otherwise), the security headers
 * and the CORS policy for browser front ends.
 */
package org.sightline.api.exposure;
