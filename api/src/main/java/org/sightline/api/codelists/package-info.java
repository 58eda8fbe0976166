/** The data dictionary: standard codelists with definitions, sources and versions, and each organisation's local-code mappings. */
package org.sightline.api.codelists;
