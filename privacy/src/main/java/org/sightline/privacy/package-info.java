/**
 * The privacy engine's contract: a disclosure policy takes a whole result table of true values and
 * returns the values that may leave the service, each with its disclosure metadata. Pure Java,
 * depends on nothing but the JDK.
 */
package org.sightline.privacy;
