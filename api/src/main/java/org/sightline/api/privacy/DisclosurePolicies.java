package org.sightline.api.privacy;

import java.util.Map;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.policy.Access.EffectiveRole;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.ExactRelease;
import org.sightline.privacy.noise.ConsistentNoise;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.policy.NoisyRelease;
import org.sightline.privacy.policy.PolicyMatrix;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Component;

/** Builds the policy object that carries out a treatment, from the settings. */
@Component
public class DisclosurePolicies {

    private final PrivacySettings settings;
    private final NoiseSecret secret;
    private final PolicyMatrix matrix;
    private volatile NoisyRelease noisy;

    DisclosurePolicies(PrivacySettings settings, NoiseSecret secret, AreaDirectory areas) {
        this.settings = settings;
        this.secret = secret;
        PolicyMatrix configured = PolicyMatrix.defaults();
        for (Map.Entry<String, String> override : settings.policies().entrySet()) {
            configured = apply(configured, override.getKey(), override.getValue(), areas);
        }
        this.matrix = configured;
    }

    /** Reads one override such as {@code SENSITIVE.PARTNER = NOISE@lad/FORBIDDEN}; a typo stops start-up with a clear message. */
    private static PolicyMatrix apply(PolicyMatrix matrix, String key, String value, AreaDirectory areas) {
        String[] target = key.split("\\.");
        try {
            DisclosureClass disclosureClass = DisclosureClass.valueOf(target[0]);
            EffectiveRole role = EffectiveRole.valueOf(target[1]);
            PolicyRule rule;
            if (value.contains("@")) {
                String treatment = value.substring(0, value.indexOf('@'));
                String level = value.substring(value.indexOf('@') + 1, value.indexOf('/'));
                String below = value.substring(value.indexOf('/') + 1);
                var type = areas.areaType(level.strip());
                if (type == null) {
                    throw new IllegalArgumentException("unknown area level '" + level + "'");
                }
                rule = new PolicyRule(Treatment.valueOf(treatment.strip()), type.code(), type.granularity(), Treatment.valueOf(below.strip()));
            } else {
                rule = PolicyRule.everywhere(Treatment.valueOf(value.strip()));
            }
            return matrix.with(disclosureClass, role, rule);
        } catch (RuntimeException e) {
            throw new IllegalStateException("sightline.privacy.policies." + key + " = '" + value + "' is not a policy: expected "
                    + "<CLASS>.<ROLE> = <TREATMENT> or <TREATMENT>@<level>/<TREATMENT>, e.g. SENSITIVE.PARTNER = NOISE@lad/FORBIDDEN ("
                    + e.getMessage() + ")", e);
        }
    }

    public PolicyMatrix matrix() {
        return matrix;
    }

    public PrivacySettings settings() {
        return settings;
    }

    /**
     * The cell-by-cell policy of a treatment. SUPPRESS and ROUND have none: they need the whole
     * margin table and are carried out by secondary suppression on it.
     */
    public DisclosurePolicy forTreatment(Treatment treatment) {
        return switch (treatment) {
            case EXACT -> new ExactRelease();
            case NOISE -> noisy();
            case SUPPRESS, ROUND, FORBIDDEN -> throw new IllegalStateException(treatment + " has no cell-by-cell policy");
        };
    }

    /** Noise that is a function of the server secret and what it is keyed on (shared by every instance). */
    public ConsistentNoise consistentNoise() {
        return new ConsistentNoise(secret.bytes());
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
