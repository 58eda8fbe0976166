/** Area boundaries: importing GeoJSON and TopoJSON as published, and serving them simplified for a map's zoom. */
package org.sightline.api.boundaries;
