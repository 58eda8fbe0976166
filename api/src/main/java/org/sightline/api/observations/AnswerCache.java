package org.sightline.api.observations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Published answers, kept in memory. A protected answer is a function of the question, the rule
 * that applies to the caller and the data it was computed from, so the key holds the question,
 * the treatment and rule and the data version the planner read first
 * ({@link org.sightline.api.versions.DataVersion}): a publish or a geography change on any
 * instance changes the version, so a stale answer is never served, and nothing needs to be told
 * to forget. Who asked is not part of the answer: refusals are decided per caller before the
 * cache is consulted, and audit and charges are made per caller after it. Bounded by the number
 * of rows held.
 */
@Component
public class AnswerCache {

    private final Cache<String, ObservationService.Answer> answers;

    AnswerCache(@Value("${sightline.answers.cache-rows:200000}") long maxRows) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxRows)
                .weigher((String key, ObservationService.Answer answer) -> Math.max(1, answer.published().size()))
                .build();
    }

    /** Forgets every answer (never needed for correctness: for operators and for tests that count work). */
    public void clear() {
        answers.invalidateAll();
    }

    /** The answer under {@code key}, computing it once if absent. */
    ObservationService.Answer get(String key, Supplier<ObservationService.Answer> compute) {
        return answers.get(key, k -> compute.get());
    }
}
