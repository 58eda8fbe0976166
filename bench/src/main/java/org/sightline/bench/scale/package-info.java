/**
 * The England-scale data set: real ONS geography with generated indicators, reproducible from a
 * seed, loaded through the product's own geography and release imports.
 */
package org.sightline.bench.scale;
