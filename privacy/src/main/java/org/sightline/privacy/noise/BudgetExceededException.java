package org.sightline.privacy.noise;

/**
 * A release was refused because its privacy cost exceeds what remains of the budget. Carries the
 * numbers so the caller can be told what to ask for instead.
 */
public final class BudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Rho requested;
    private final transient PrivacyBudget budget;

    public BudgetExceededException(Rho requested, PrivacyBudget budget) {
        super("a release costing rho " + requested.value() + " exceeds the privacy budget: remaining "
                + budget.remaining().value() + " of " + budget.limit().value());
        this.requested = requested;
        this.budget = budget;
    }

    public Rho requested() {
        return requested;
    }

    public PrivacyBudget budget() {
        return budget;
    }
}
