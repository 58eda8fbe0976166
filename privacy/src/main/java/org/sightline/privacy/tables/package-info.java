/**
 * The public's noisy tables of a sensitive indicator release: a fixed set of tables measured once,
 * at publish time, with discrete Gaussian noise, then made consistent by weighted least squares and
 * integerised so that children add up to their parent and characteristic values to their total.
 *
 * <p>Every public answer is a sum of the stored cells, which is post-processing, so the public's
 * privacy loss per release is the fixed, stated {@link org.sightline.privacy.tables.MeasurementDesign#totalRho()}
 * however many questions are asked. {@link org.sightline.privacy.tables.PublicTables#publish} is
 * the entry point; it is pure computation (the caller reads the true counts and stores the output)
 * and costs O(nodes x cube size).
 */
package org.sightline.privacy.tables;
