/**
 * A load benchmark of a running Sightline server, run from the command line: real questions of
 * the demo data set sent over HTTP by a few parallel clients, every answer checked, latencies
 * recorded in a histogram and reported with the machine they were measured on.
 */
package org.sightline.bench;
