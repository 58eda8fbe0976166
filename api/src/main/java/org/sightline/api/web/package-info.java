/** Cross-cutting HTTP concerns of the REST endpoints: how errors are reported to callers. */
package org.sightline.api.web;
