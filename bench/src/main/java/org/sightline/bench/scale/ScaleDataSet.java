package org.sightline.bench.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated indicators of the England-scale data set over a list of LSOA codes: five OPEN
 * population-like indicators by sex x age band over five years, and one SENSITIVE indicator of
 * small counts by need x sex over three financial years. With England's 32,844 LSOAs that is
 * 5 x 32,844 x 5 x 12 = 9,853,200 plus 3 x 32,844 x 12 = 1,182,384 observation rows.
 *
 * <p>Deterministic: the count of a cell depends only on the seed, the indicator, the period, the
 * LSOA and the combination, so the same seed gives the same files whatever order they are made in.
 */
public final class ScaleDataSet {

    /** Characteristic types as the demo data set declares them, so the two can share a server. */
    static final Map<String, List<String[]>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("sex", List.of(new String[] {"F", "Female"}, new String[] {"M", "Male"}));
        TYPES.put("age_band", List.of(new String[] {"0-15", "0-15"}, new String[] {"16-24", "16-24"}, new String[] {"25-44", "25-44"},
                new String[] {"45-64", "45-64"}, new String[] {"65-74", "65-74"}, new String[] {"75+", "75+"}));
        TYPES.put("need", List.of(new String[] {"mental_health", "Mental health"}, new String[] {"learning_disability", "Learning disability"},
                new String[] {"physical_disability", "Physical disability"}, new String[] {"substance_misuse", "Substance misuse"},
                new String[] {"housing", "Housing"}, new String[] {"carer_support", "Carer support"}));
    }

    private final long seed;
    private final List<String> lsoas;

    /**
     * @param seed  the seed every count derives from
     * @param lsoas the LSOA codes cells are generated for
     */
    public ScaleDataSet(long seed, List<String> lsoas) {
        if (lsoas.isEmpty()) {
            throw new IllegalArgumentException("the scale data set needs at least one LSOA");
        }
        this.seed = seed;
        this.lsoas = List.copyOf(lsoas);
    }

    /** The indicators, in load order. */
    public List<ScaleIndicator> indicators() {
        List<ScaleIndicator> indicators = new ArrayList<>();
        List<String> years = List.of("2019", "2020", "2021", "2022", "2023");
        for (int i = 1; i <= 5; i++) {
            indicators.add(new ScaleIndicator("scale-population-" + i, "Generated population " + i, "OPEN",
                    List.of("sex", "age_band"), years, 60.0 + 25 * i));
        }
        indicators.add(new ScaleIndicator("scale-service-contacts", "Generated service contacts", "SENSITIVE",
                List.of("need", "sex"), List.of("2021/22", "2022/23", "2023/24"), 1.2));
        return indicators;
    }

    /** How many rows a release of one period of the indicator has. */
    public long rowsPerPeriod(ScaleIndicator indicator) {
        long combinations = 1;
        for (String type : indicator.characteristicTypes()) {
            combinations *= TYPES.get(type).size();
        }
        return combinations * lsoas.size();
    }

    /** The release file of one period of the indicator, as the release endpoint takes it. */
    public String releaseCsv(ScaleIndicator indicator, String period) {
        return releaseCsv(indicator, List.of(period));
    }

    /**
     * One release file holding several periods of the indicator (period by period, each as
     * {@link #releaseCsv(ScaleIndicator, String)} has it), as the release endpoint takes it.
     */
    public String releaseCsv(ScaleIndicator indicator, List<String> periods) {
        List<String> types = indicator.characteristicTypes();
        StringBuilder csv = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, rowsPerPeriod(indicator) * periods.size() * 40));
        csv.append("area_code,period,").append(String.join(",", types)).append(",count\n");
        List<String[]> first = TYPES.get(types.get(0));
        List<String[]> second = TYPES.get(types.get(1));
        for (String period : periods) {
            for (String lsoa : lsoas) {
                SplittableRandom random = new SplittableRandom(seed ^ (indicator.id() + '|' + period + '|' + lsoa).hashCode() * 0x9E3779B97F4A7C15L);
                // Areas differ (some twice as busy as others), so sums over areas are not flat.
                double areaFactor = 0.5 + random.nextDouble();
                for (String[] a : first) {
                    for (String[] b : second) {
                        csv.append(lsoa).append(',').append(period).append(',').append(a[0]).append(',').append(b[0]).append(',')
                                .append(poisson(random, indicator.meanPerCell() * areaFactor)).append('\n');
                    }
                }
            }
        }
        return csv.toString();
    }

    /** A Poisson draw: by inversion for small means, by the normal approximation for large ones. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean > 30) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
