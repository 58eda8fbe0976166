package org.sightline.client;

/** An area's place by need: rank 1 = greatest need (null when the value was withheld); quintile 1 = the fifth in greatest need. */
public record Ranking(Observation observation, Integer rank, Integer quintile) {
}
