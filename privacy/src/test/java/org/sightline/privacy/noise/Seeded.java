package org.sightline.privacy.noise;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Reproducible randomness for statistical tests. */
final class Seeded {

    private Seeded() {
    }

    /**
     * SHA1PRNG seeded before its first use is fully determined by the seed, so a failing statistical
     * test fails the same way every run instead of flaking.
     */
    static SecureRandom random(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<Long, Long> histogram(int samples, LongSupplier draw) {
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            counts.merge(draw.getAsLong(), 1L, Long::sum);
        }
        return counts;
    }
}
