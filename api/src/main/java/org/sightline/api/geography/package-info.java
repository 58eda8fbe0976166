/** Areas, their hierarchies and closure table: importing ONS lookups and answering questions about areas. */
package org.sightline.api.geography;
