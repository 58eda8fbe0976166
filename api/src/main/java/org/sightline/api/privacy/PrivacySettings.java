package org.sightline.api.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Disclosure control settings ({@code sightline.privacy.*}), with the safe defaults of docs/privacy.md.
 *
 * @param threshold         counts below this are small (1-4 with the default 5)
 * @param suppressZeros     whether true zeros are withheld too (default: publishable)
 * @param roundingBase      noisy counts are rounded to a multiple of this
 * @param noiseSigmaSquared variance of the discrete Gaussian noise, a rational such as "4" or "9/2"
 * @param maxCellsPerQuery  larger questions are refused
 * @param callerBudgetRho   zCDP budget of each PARTNER or ANALYST caller for interactive noisy queries
 * @param policies          overrides of the default policy matrix, keyed {@code <CLASS>.<ROLE>} (e.g.
 *                          {@code SENSITIVE.PARTNER}; roles PUBLIC, PARTNER, ANALYST_WITH_AGREEMENT,
 *                          ANALYST_WITHOUT_AGREEMENT, OWNING_STEWARD) with values {@code <TREATMENT>} or
 *                          {@code <TREATMENT>@<finest level>/<TREATMENT below it>}, e.g. {@code NOISE@lad/FORBIDDEN}
 * @param noiseSecret       base64 secret seeding consistent noise; when absent one is generated
 *                          once and kept in the database, shared by every instance
 * @param publicRho         the public's zCDP loss per period and measure (count, denominator) of a
 *                          release, a rational such as "1/2", split equally over the public tables
 *                          (levels x characteristic subsets); the stated loss of a release is this
 *                          times its periods and measures (see docs/privacy.md)
 * @param suppressionBudgetSeconds how long solving one table's suppression pattern may take (default
 *                          10); when it runs out, that table's finest level is withheld whole
 *                          instead, so a larger budget publishes more, never less safely
 */
@ConfigurationProperties("sightline.privacy")
public record PrivacySettings(Integer threshold, Boolean suppressZeros, Integer roundingBase, String noiseSigmaSquared,
                              Integer maxCellsPerQuery, Double callerBudgetRho, java.util.Map<String, String> policies,
                              String noiseSecret, String publicRho, Double suppressionBudgetSeconds) {

    public PrivacySettings {
        threshold = threshold == null ? 5 : threshold;
        suppressZeros = suppressZeros != null && suppressZeros;
        roundingBase = roundingBase == null ? 5 : roundingBase;
        noiseSigmaSquared = noiseSigmaSquared == null ? "4" : noiseSigmaSquared;
        maxCellsPerQuery = maxCellsPerQuery == null ? 10_000 : maxCellsPerQuery;
        callerBudgetRho = callerBudgetRho == null ? 10.0 : callerBudgetRho;
        policies = policies == null ? java.util.Map.of() : java.util.Map.copyOf(policies);
        publicRho = publicRho == null ? "1/2" : publicRho;
        suppressionBudgetSeconds = suppressionBudgetSeconds == null ? 10.0 : suppressionBudgetSeconds;
        if (suppressionBudgetSeconds < 0 || suppressionBudgetSeconds.isNaN()) {
            throw new IllegalArgumentException("sightline.privacy.suppression-budget-seconds must be zero or more, was "
                    + suppressionBudgetSeconds);
        }
    }
}
