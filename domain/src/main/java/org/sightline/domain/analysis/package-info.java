/** Analyses a JSNA team asks for, computed from protected values: ranking by need, comparison, trend, inequality. */
package org.sightline.domain.analysis;
