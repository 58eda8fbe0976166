package org.sightline.privacy.noise;

import java.util.Objects;

/**
 * How much zCDP a caller may spend and has spent: the rule a ledger applies, without its storage.
 *
 * <p>Immutable: {@link #charge} returns the new state and leaves this one as it was, so a refused
 * charge charges nothing. Making concurrent charges safe is the ledger's job (it must compare and
 * set the stored state); this type only decides.
 *
 * @param limit the total rho allowed
 * @param spent the rho already charged, never above the limit
 */
public record PrivacyBudget(Rho limit, Rho spent) {

    public PrivacyBudget {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(spent, "spent");
        if (spent.compareTo(limit) > 0) {
            throw new IllegalArgumentException(
                    "spent rho " + spent.value() + " must not exceed the limit " + limit.value());
        }
    }

    public static PrivacyBudget unspent(Rho limit) {
        return new PrivacyBudget(limit, Rho.ZERO);
    }

    public Rho remaining() {
        return limit.minus(spent);
    }

    public boolean allows(Rho cost) {
        return spent.plus(cost).compareTo(limit) <= 0;
    }

    /**
     * @return this budget with {@code cost} added to what has been spent
     * @throws BudgetExceededException if that would exceed the limit
     */
    public PrivacyBudget charge(Rho cost) {
        if (!allows(cost)) {
            throw new BudgetExceededException(cost, this);
        }
        return new PrivacyBudget(limit, spent.plus(cost));
    }
}
