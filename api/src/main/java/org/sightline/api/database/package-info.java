/** Where the PostgreSQL database comes from: an external server, or an embedded one under SIGHTLINE_HOME. */
package org.sightline.api.database;
