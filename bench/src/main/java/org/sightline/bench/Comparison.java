package org.sightline.bench;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sightline.bench.raw.RawSqlResult;

/**
 * One line of the report: a scenario measured over HTTP at one concurrency and, with
 * {@code --raw-sql}, the same answer computed by hand-written SQL on the database at the same
 * concurrency.
 *
 * @param sightline what Sightline's clients measured
 * @param raw       what pgbench measured of the raw SQL, when there is a baseline
 */
public record Comparison(ScenarioResult sightline, Optional<RawSqlResult> raw) {

    public Comparison {
        Objects.requireNonNull(sightline, "sightline");
        Objects.requireNonNull(raw, "raw");
    }

    /** Sightline's requests per second divided by the raw SQL's statements per second; empty without a baseline figure. */
    public OptionalDouble ratio() {
        if (raw.isEmpty() || !(raw.get().tps() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sightline.throughput() / raw.get().tps());
    }

    /** Failed answers of both sides. */
    public int failures() {
        return sightline.failures() + raw.map(RawSqlResult::failures).orElse(0);
    }
}
