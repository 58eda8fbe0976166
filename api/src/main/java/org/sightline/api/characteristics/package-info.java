/** Characteristic types (sex, age band, need, ...) and their values, including the implicit total. */
package org.sightline.api.characteristics;
