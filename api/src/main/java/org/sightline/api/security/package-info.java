/** Who is calling: API keys and tokens resolved to a {@link org.sightline.domain.access.Caller}, and which endpoints need which role. */
package org.sightline.api.security;
