/**
 * The public's noisy tables: drawn once when a release is published (or when the public's policy
 * changes), made consistent, stored, and stated as the release's privacy loss.
 */
package org.sightline.api.publictables;
