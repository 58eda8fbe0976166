package org.sightline.api.agreements;

/** How often data is shared under an agreement, as data sharing registers record it. */
public enum SharingFrequency {
    ONE_OFF, DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUALLY, AD_HOC
}
