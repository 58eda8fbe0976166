package org.sightline.privacy.suppression;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one attempt at secondary suppression may spend before {@link SecondarySuppression}
 * gives up on the exact pattern and falls back to withholding more (see
 * {@link SecondarySuppression#apply(AdditiveTable, SuppressionRule, SuppressionBudget, java.util.function.ToIntFunction)}).
 * Exact elimination over a country-sized table can run for minutes; a budget bounds that.
 *
 * @param time the wall-clock time of one attempt
 * @param work the elementary steps of one attempt (row operations and relation checks, counted by
 *             the cells they touch): unlike time, the same on every machine, so tests can rely on it
 */
public record SuppressionBudget(Duration time, long work) {

    public SuppressionBudget {
        Objects.requireNonNull(time, "time");
        if (time.isNegative()) {
            throw new IllegalArgumentException("suppression time budget must not be negative, was " + time);
        }
        if (work < 0) {
            throw new IllegalArgumentException("suppression work budget must not be negative, was " + work);
        }
    }

    /** No limit: the exact pattern, however long it takes. */
    public static SuppressionBudget unlimited() {
        return new SuppressionBudget(Duration.ofSeconds(Long.MAX_VALUE), Long.MAX_VALUE);
    }

    /** At most this much wall-clock time per attempt. */
    public static SuppressionBudget ofTime(Duration time) {
        return new SuppressionBudget(time, Long.MAX_VALUE);
    }

    /** At most this many elementary steps per attempt, whatever the machine. */
    public static SuppressionBudget ofWork(long work) {
        return new SuppressionBudget(Duration.ofSeconds(Long.MAX_VALUE), work);
    }

    /** A meter for one attempt, started now. */
    Meter start() {
        return new Meter(this);
    }

    /** Spending of one attempt; throws {@link Exhausted} once the budget is spent. */
    static final class Meter {

        /** Reading the clock is cheap but not free: look at it once per this many steps. */
        private static final long CLOCK_EVERY = 4096;

        private final long workLimit;
        private final long deadline;
        private final boolean timed;
        private long spent;
        private long sinceClock;

        private Meter(SuppressionBudget budget) {
            this.workLimit = budget.work;
            long nanos;
            try {
                nanos = budget.time.toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            long now = System.nanoTime();
            this.timed = nanos < Long.MAX_VALUE / 2;
            this.deadline = timed ? now + nanos : Long.MAX_VALUE;
        }

        /** A meter that never runs out, for the cheap checks after a fallback. */
        static Meter unlimited() {
            return new Meter(SuppressionBudget.unlimited());
        }

        void spend(long steps) {
            spent += steps;
            sinceClock += steps;
            if (spent > workLimit) {
                throw new Exhausted();
            }
            if (timed && sinceClock >= CLOCK_EVERY) {
                sinceClock = 0;
                if (System.nanoTime() - deadline > 0) {
                    throw new Exhausted();
                }
            }
        }
    }

    /** The budget of an attempt is spent; the attempt's partial state must be thrown away. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("suppression budget spent", null, false, false);
        }
    }
}
