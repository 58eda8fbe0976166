package org.sightline.domain.catalogue;

/** How often an indicator's owner publishes a new period; AD_HOC has no schedule, so nothing is ever due by it. */
public enum RefreshFrequency {
    ANNUAL(12), QUARTERLY(3), MONTHLY(1), AD_HOC(0);

    private final int months;

    RefreshFrequency(int months) {
        this.months = months;
    }

    /** Months from one period to the next; 0 for AD_HOC. */
    public int months() {
        return months;
    }
}
