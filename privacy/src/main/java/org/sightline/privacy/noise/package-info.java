/**
 * Integer noise with formal differential privacy: exact discrete Laplace and discrete Gaussian
 * samplers in rational arithmetic, noise that is a deterministic function of the question asked,
 * and zCDP accounting of what each release costs.
 */
package org.sightline.privacy.noise;
