package org.sightline.api.privacy;

import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.ExactRelease;
import org.sightline.privacy.noise.ConsistentNoise;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.policy.NoisyRelease;
import org.sightline.privacy.policy.PolicyMatrix;
import org.sightline.privacy.policy.ThresholdSuppression;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Component;

/** Builds the policy object that carries out a treatment, from the settings. */
@Component
public class DisclosurePolicies {

    private final PrivacySettings settings;
    private final NoiseSecret secret;
    private final PolicyMatrix matrix = PolicyMatrix.defaults();
    private volatile NoisyRelease noisy;

    DisclosurePolicies(PrivacySettings settings, NoiseSecret secret) {
        this.settings = settings;
        this.secret = secret;
    }

    public PolicyMatrix matrix() {
        return matrix;
    }

    public PrivacySettings settings() {
        return settings;
    }

    public DisclosurePolicy forTreatment(Treatment treatment) {
        return switch (treatment) {
            case EXACT -> new ExactRelease();
            case SUPPRESS -> new ThresholdSuppression(settings.threshold(), settings.suppressZeros());
            case NOISE -> noisy();
            case FORBIDDEN -> throw new IllegalStateException("a forbidden question has no policy");
        };
    }

    private NoisyRelease noisy() {
        NoisyRelease policy = noisy;
        if (policy == null) {
            policy = new NoisyRelease(new ConsistentNoise(secret.bytes()),
                    new DiscreteGaussian(Rational.parse(settings.noiseSigmaSquared())), settings.roundingBase(), settings.threshold());
            noisy = policy;
        }
        return policy;
    }
}
