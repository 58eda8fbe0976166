/** The service's clock: every date and time the service decides by comes from one {@link java.time.Clock} bean. */
package org.sightline.api.time;
