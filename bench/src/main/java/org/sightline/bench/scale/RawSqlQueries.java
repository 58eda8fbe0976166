package org.sightline.bench.scale;

/**
 * The best hand-written SQL for the England questions, the baseline of {@code --raw-sql}. Each
 * statement is self-contained, as a request to the API is: it finds the indicator by slug and the
 * areas by code, takes the current release of the latest period (the newest PUBLISHED version of
 * the period with data that starts last), and goes from the asked areas down {@code area_closure}
 * to the stored LSOA cells through the cells' index {@code observation_cell_key (release_id,
 * period_id, area_id, c1..c4)}. The asked areas and the LSOAs inside them are a materialised CTE, so
 * the plan is that walk whatever join order the planner would otherwise pick. Sums are plain sums:
 * no disclosure control, which is part of what the API's answer costs.
 *
 * <p>No {@code ::} casts or other colons: pgbench would read {@code :name} as a variable.
 */
final class RawSqlQueries {

    /** The total of each asked area over its stored LSOA cells ({@code cur} and {@code cells} before it). */
    private static final String AREA_TOTALS = """
            sums AS (
                SELECT c.area_id, sum(o.count) AS total
                FROM cur
                JOIN cells c ON true
                JOIN observation o ON o.release_id = cur.release_id AND o.period_id = cur.period_id AND o.area_id = c.lsoa_id
                GROUP BY c.area_id)""";

    private RawSqlQueries() {
    }

    /** Q1: one row per area of {@code level} within {@code within}: its code, name, the period and the total count. */
    static String areaTotals(String slug, String within, String level) {
        return """
                WITH %s,
                %s,
                %s
                SELECT a.code, a.name, cur.period, s.total
                FROM sums s JOIN area a ON a.id = s.area_id CROSS JOIN cur""".formatted(current(slug), cells(within, level), AREA_TOTALS);
    }

    /** Q2: one row per ward of {@code within} and need x sex (positions 1 and 2 of the indicator). */
    static String wardsByNeedAndSex(String slug, String within) {
        return """
                WITH %s,
                %s,
                sums AS (
                    SELECT c.area_id, o.c1_value_id, o.c2_value_id, sum(o.count) AS total
                    FROM cur
                    JOIN cells c ON true
                    JOIN observation o ON o.release_id = cur.release_id AND o.period_id = cur.period_id AND o.area_id = c.lsoa_id
                    GROUP BY c.area_id, o.c1_value_id, o.c2_value_id)
                SELECT a.code, a.name, cur.period, need.code AS need, sex.code AS sex, s.total
                FROM sums s
                JOIN area a ON a.id = s.area_id
                JOIN characteristic_value need ON need.id = s.c1_value_id
                JOIN characteristic_value sex ON sex.id = s.c2_value_id
                CROSS JOIN cur""".formatted(current(slug), cells(within, "ward"));
    }

    /** Q3: one row per area of {@code level} within {@code within}, with the total of {@code benchmark} (also summed over its LSOAs). */
    static String compare(String slug, String within, String level, String benchmark) {
        return """
                WITH %s,
                %s,
                %s,
                benchmark AS (
                    SELECT sum(o.count) AS total
                    FROM cur
                    JOIN area b ON b.code = '%s'
                    JOIN area_closure l ON l.ancestor_id = b.id
                    JOIN observation o ON o.release_id = cur.release_id AND o.period_id = cur.period_id AND o.area_id = l.descendant_id)
                SELECT a.code, cur.period, s.total, benchmark.total AS benchmark_total
                FROM sums s JOIN area a ON a.id = s.area_id CROSS JOIN cur CROSS JOIN benchmark"""
                .formatted(current(slug), cells(within, level), AREA_TOTALS, code(benchmark));
    }

    /** Q4: every area of {@code level} within {@code within} with its total, rank (1 = largest) and quintile. */
    static String rank(String slug, String within, String level) {
        return """
                WITH %s,
                %s,
                %s
                SELECT a.code, s.total, rank() OVER (ORDER BY s.total DESC) AS rank, ntile(5) OVER (ORDER BY s.total DESC) AS quintile
                FROM sums s JOIN area a ON a.id = s.area_id""".formatted(current(slug), cells(within, level), AREA_TOTALS);
    }

    /** Q5: one row per LSOA of {@code within} and sex (position 1 of the population indicators). */
    static String lsoasBySex(String slug, String within) {
        return """
                WITH %s,
                lsoas AS MATERIALIZED (
                    SELECT x.id, x.code
                    FROM area w
                    JOIN area_closure wl ON wl.ancestor_id = w.id
                    JOIN area x ON x.id = wl.descendant_id AND x.area_type = 'lsoa'
                    WHERE w.code = '%s'),
                sums AS (
                    SELECT o.area_id, o.c1_value_id, sum(o.count) AS total
                    FROM cur
                    JOIN lsoas x ON true
                    JOIN observation o ON o.release_id = cur.release_id AND o.period_id = cur.period_id AND o.area_id = x.id
                    GROUP BY o.area_id, o.c1_value_id)
                SELECT x.code, cur.period, sex.code AS sex, s.total
                FROM sums s
                JOIN lsoas x ON x.id = s.area_id
                JOIN characteristic_value sex ON sex.id = s.c1_value_id
                CROSS JOIN cur""".formatted(current(slug), code(within));
    }

    /** {@code cur(release_id, period_id, period)}: the current release of the latest period of the indicator. */
    private static String current(String slug) {
        return """
                cur AS (
                    SELECT rp.release_id, rp.period_id, p.code AS period
                    FROM indicator i
                    JOIN release r ON r.indicator_id = i.id AND r.status = 'PUBLISHED'
                    JOIN release_period rp ON rp.release_id = r.id
                    JOIN period p ON p.id = rp.period_id
                    WHERE i.slug = '%s'
                    ORDER BY p.start_date DESC, r.version DESC
                    LIMIT 1)""".formatted(code(slug));
    }

    /** {@code cells(area_id, lsoa_id)}: the areas of {@code level} within {@code within} and everything inside each (the stored cells are LSOAs). */
    private static String cells(String within, String level) {
        return """
                cells AS MATERIALIZED (
                    SELECT a.id AS area_id, l.descendant_id AS lsoa_id
                    FROM area w
                    JOIN area_closure wa ON wa.ancestor_id = w.id
                    JOIN area a ON a.id = wa.descendant_id AND a.area_type = '%s'
                    JOIN area_closure l ON l.ancestor_id = a.id
                    WHERE w.code = '%s')""".formatted(code(level), code(within));
    }

    /** A code or slug as a literal; these are constants of the benchmark, checked rather than escaped. */
    private static String code(String text) {
        if (!text.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a code or slug: " + text);
        }
        return text;
    }
}
