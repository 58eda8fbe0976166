package org.sightline.client;

/** An area's observation beside its benchmark's, with the outcome (and, for QUINTILES, the quintile). */
public record Comparison(Observation observation, Observation benchmark, ComparisonOutcome outcome, Integer quintile) {
}
