/** Who is asking: callers, their roles and the organisation they act for. */
package org.sightline.domain.access;
