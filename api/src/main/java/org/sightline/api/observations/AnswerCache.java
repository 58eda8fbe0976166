package org.sightline.api.observations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Published answers to the public, kept in memory. A protected answer is a function of the
 * question, the caller's standing and the data it was computed from, so the key holds the
 * question, the treatment and the data version the planner read in its one statement (the
 * indicator's current releases and the geography's version): a publish or a geography change on
 * any instance changes the version, so a stale answer is never served, and nothing needs to be
 * told to forget. Only answers for public standing are kept; named callers' answers are audited
 * or charged per question and are always computed. Bounded by the number of rows held.
 */
@Component
public class AnswerCache {

    private final Cache<String, List<PublishedObservation>> answers;

    AnswerCache(@Value("${sightline.answers.cache-rows:200000}") long maxRows) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxRows)
                .weigher((String key, List<PublishedObservation> rows) -> Math.max(1, rows.size()))
                .build();
    }

    /** Forgets every answer (never needed for correctness: for operators and for tests that count work). */
    public void clear() {
        answers.invalidateAll();
    }

    /** The answer under {@code key}, computing it once if absent. */
    List<PublishedObservation> get(String key, Supplier<List<PublishedObservation>> compute) {
        return answers.get(key, k -> List.copyOf(compute.get()));
    }
}
