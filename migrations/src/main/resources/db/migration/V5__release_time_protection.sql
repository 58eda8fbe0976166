-- Release-time protection (issue 9): what an area and a characteristic are made of, and the
-- public's noisy tables drawn once per release. See docs/privacy.md.

-- The grain of an area, judged by what it is made of rather than by its declared type: the
-- coarsest of the nested levels country > region > lad > ward > lsoa > oa of which the area is
-- exactly a union (every base area inside it lies in an area of that level inside it). A district
-- is made of districts, a combined authority of districts, an MSOA of LSOAs, and an "area" an
-- operator declared as a combined authority around one LSOA is made of LSOAs. NULL: of none of
-- them (treated as finer than every level). Kept up to date by geography imports.
ALTER TABLE area ADD COLUMN composed_of varchar(32);
ALTER TABLE area ADD CONSTRAINT area_composed_of_fkey FOREIGN KEY (composed_of) REFERENCES area_type (code);

-- The grains: one function (AreaGrains calls it after every geography change; NULL = every area),
-- run now for the areas already loaded.
/* [jooq ignore start] */
-- Dynamic SQL, so each call is planned for its own filter (a generic plan of "every area or this
-- one" read the whole closure table badly at England scale).
CREATE FUNCTION refresh_area_grains(only_area integer) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format($q$
        WITH leaf AS (
            SELECT a.id FROM area a WHERE NOT EXISTS (SELECT 1 FROM area_closure d WHERE d.ancestor_id = a.id AND d.depth > 0)),
        leaves AS (
            SELECT c.ancestor_id AS area_id, count(*) AS n
            FROM area_closure c JOIN leaf ON leaf.id = c.descendant_id
            GROUP BY c.ancestor_id),
        shared_leaf AS (
            SELECT c.descendant_id AS leaf_id, b.area_type
            FROM area_closure c JOIN leaf ON leaf.id = c.descendant_id JOIN area b ON b.id = c.ancestor_id
            WHERE b.area_type IN ('country', 'region', 'lad', 'ward', 'lsoa', 'oa')
            GROUP BY c.descendant_id, b.area_type HAVING count(*) > 1),
        overlapping AS (
            SELECT DISTINCT c.ancestor_id AS id
            FROM shared_leaf s JOIN area_closure c ON c.descendant_id = s.leaf_id
            JOIN area b ON b.id = c.ancestor_id AND b.area_type = s.area_type),
        building_block AS (
            SELECT a.id, a.area_type, l.n FROM area a JOIN leaves l ON l.area_id = a.id
            WHERE a.area_type IN ('country', 'region', 'lad', 'ward', 'lsoa', 'oa')
              AND a.id NOT IN (SELECT id FROM overlapping)),
        covered AS (
            SELECT c.ancestor_id AS area_id, b.area_type AS level, sum(b.n) AS n
            FROM area_closure c JOIN building_block b ON b.id = c.descendant_id
            WHERE %s
            GROUP BY c.ancestor_id, b.area_type),
        grain AS (
            SELECT DISTINCT ON (l.area_id) l.area_id, c.level
            FROM leaves l JOIN covered c ON c.area_id = l.area_id AND c.n = l.n
            JOIN area_type t ON t.code = c.level
            ORDER BY l.area_id, t.granularity)
        UPDATE area SET composed_of = grain.level
        FROM (SELECT l.area_id, g.level FROM leaves l LEFT JOIN grain g ON g.area_id = l.area_id
              WHERE %s) grain
        WHERE area.id = grain.area_id AND area.composed_of IS DISTINCT FROM grain.level
    $q$,
    CASE WHEN only_area IS NULL THEN 'true' ELSE 'c.ancestor_id = ' || only_area END,
    CASE WHEN only_area IS NULL THEN 'true' ELSE 'l.area_id = ' || only_area END);
END
$fn$;
SELECT refresh_area_grains(NULL);
/* [jooq ignore stop] */

-- A characteristic whose value is a function of the area (the IMD decile of an LSOA, a rural or
-- urban class): broken down by it, an area splits into its base areas, so it counts as geography.
-- Declared, or detected when a release shows one value per area.
ALTER TABLE characteristic_type ADD COLUMN area_derived boolean NOT NULL DEFAULT false;
-- Marked now for the releases already published (AreaDerivedDetection marks new ones).
/* [jooq ignore start] */
UPDATE characteristic_type t SET area_derived = true
WHERE EXISTS (
    SELECT 1 FROM indicator_characteristic_type ict
    JOIN release r ON r.indicator_id = ict.indicator_id AND r.status = 'PUBLISHED'
    WHERE ict.characteristic_type_id = t.id
      AND (SELECT count(DISTINCT per_area.v) >= 2 AND bool_and(per_area.n = 1)
           FROM (SELECT count(DISTINCT CASE ict.position WHEN 1 THEN o.c1_value_id WHEN 2 THEN o.c2_value_id
                                                         WHEN 3 THEN o.c3_value_id ELSE o.c4_value_id END) AS n,
                        min(CASE ict.position WHEN 1 THEN o.c1_value_id WHEN 2 THEN o.c2_value_id
                                              WHEN 3 THEN o.c3_value_id ELSE o.c4_value_id END) AS v
                 FROM observation o WHERE o.release_id = r.id GROUP BY o.area_id) per_area));
/* [jooq ignore stop] */

-- The public's tables of one release: for every period of the release, every area of the public
-- levels (country down to the finest level the public may see) and every combination of
-- characteristic values and totals, the released consistent value (non-negative integers that add
-- up), the exact standard deviation of the estimator's noise, and the noisy measurement where that
-- table was measured. Every public answer is a sum of these rows; nothing is drawn per question.
CREATE TABLE public_table_cell (
    release_id        bigint   NOT NULL,
    period_id         integer  NOT NULL,
    area_id           integer  NOT NULL,
    c1_value_id       integer,
    c2_value_id       integer,
    c3_value_id       integer,
    c4_value_id       integer,
    leaf              boolean  NOT NULL,
    count             bigint,
    denominator       bigint,
    count_sd          double precision,
    denominator_sd    double precision,
    noisy_count       bigint,
    noisy_denominator bigint,
    CONSTRAINT public_table_cell_release_fkey FOREIGN KEY (release_id) REFERENCES release (id),
    CONSTRAINT public_table_cell_period_fkey FOREIGN KEY (period_id) REFERENCES period (id),
    CONSTRAINT public_table_cell_area_fkey FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT public_table_cell_count_check CHECK (count >= 0 AND denominator >= 0)
);
/* [jooq ignore start] */
CREATE UNIQUE INDEX public_table_cell_key ON public_table_cell
    (release_id, period_id, area_id, c1_value_id, c2_value_id, c3_value_id, c4_value_id) NULLS NOT DISTINCT;
/* [jooq ignore stop] */

-- The measurement design of a release's public tables and the privacy loss it states, so an
-- auditor can recompute it: rho is the zCDP composition over every table, measure and period.
CREATE TABLE public_table_release (
    release_id     bigint       NOT NULL PRIMARY KEY,
    policy         varchar(200) NOT NULL,
    finest_level   varchar(32)  NOT NULL,
    rho            varchar(100) NOT NULL,
    rho_value      double precision NOT NULL,
    epsilon        double precision NOT NULL,
    delta          double precision NOT NULL,
    mechanism      text         NOT NULL,
    tables         text         NOT NULL,
    created_at     timestamp with time zone NOT NULL DEFAULT current_timestamp,
    CONSTRAINT public_table_release_release_fkey FOREIGN KEY (release_id) REFERENCES release (id),
    CONSTRAINT public_table_release_finest_level_fkey FOREIGN KEY (finest_level) REFERENCES area_type (code)
);

-- Charges of the per-caller ledger name the question they paid for, so paging through one answer
-- (or asking it again, which returns the same consistent noise) is charged once.
ALTER TABLE privacy_charge ADD COLUMN question_sha256 char(64);
/* [jooq ignore start] */
CREATE INDEX privacy_charge_question_idx ON privacy_charge (caller, question_sha256);
/* [jooq ignore stop] */
