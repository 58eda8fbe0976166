-- The catalogue, refresh schedules, available geographies, completeness and the gaps log
-- (issue 11, items 5 and 6). See docs/catalogue.md.

-- Who to ask about an indicator (a team mailbox, never a person's private details), and its
-- refresh schedule: how often a new period is published (refresh_schedule, which V1 reserved),
-- how long after a period ends its data is due (an ISO-8601 period such as P6M), and an explicit
-- next-due date that overrides the schedule until a release arrives on or after it.
ALTER TABLE indicator ADD COLUMN contact varchar(300);
ALTER TABLE indicator ADD COLUMN publication_lag varchar(32);
ALTER TABLE indicator ADD COLUMN next_due date;
ALTER TABLE indicator ADD CONSTRAINT indicator_refresh_schedule_check
    CHECK (refresh_schedule IS NULL OR refresh_schedule IN ('ANNUAL', 'QUARTERLY', 'MONTHLY', 'AD_HOC'));

-- Topics an indicator is found by in the catalogue (lower case, e.g. "social care").
CREATE TABLE indicator_topic (
    indicator_id integer      NOT NULL,
    topic        varchar(100) NOT NULL,
    CONSTRAINT indicator_topic_pkey PRIMARY KEY (indicator_id, topic),
    CONSTRAINT indicator_topic_indicator_fkey FOREIGN KEY (indicator_id) REFERENCES indicator (id)
);
CREATE INDEX indicator_topic_topic_idx ON indicator_topic (topic);

-- The area types a release's data exists at: the type its cells are stored at and every type an
-- area holding its cells rolls up to through the geography (custom areas aside). Written when the
-- release is published and rewritten after every geography import, so "at which geographies does
-- this exist?" and the planner's "not at lsoa" are a look-up, never a scan of the cells.
CREATE TABLE release_area_type (
    release_id bigint      NOT NULL,
    area_type  varchar(32) NOT NULL,
    CONSTRAINT release_area_type_pkey PRIMARY KEY (release_id, area_type),
    CONSTRAINT release_area_type_release_fkey FOREIGN KEY (release_id) REFERENCES release (id),
    CONSTRAINT release_area_type_area_type_fkey FOREIGN KEY (area_type) REFERENCES area_type (code)
);

/* [jooq ignore start] */
CREATE FUNCTION refresh_release_area_types(only_release bigint) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    IF only_release IS NULL THEN
        DELETE FROM release_area_type;
        INSERT INTO release_area_type (release_id, area_type)
        SELECT DISTINCT s.release_id, a.area_type
        FROM (SELECT DISTINCT o.release_id, o.area_id FROM observation o) s
        JOIN area_closure c ON c.descendant_id = s.area_id
        JOIN area a ON a.id = c.ancestor_id
        WHERE a.area_type <> 'custom';
    ELSE
        DELETE FROM release_area_type WHERE release_id = only_release;
        INSERT INTO release_area_type (release_id, area_type)
        SELECT DISTINCT only_release, a.area_type
        FROM (SELECT DISTINCT o.area_id FROM observation o WHERE o.release_id = only_release) s
        JOIN area_closure c ON c.descendant_id = s.area_id
        JOIN area a ON a.id = c.ancestor_id
        WHERE a.area_type <> 'custom';
    END IF;
END
$fn$;
SELECT refresh_release_area_types(NULL);
/* [jooq ignore stop] */

-- Values that mean "unknown" or "not stated". Another migration of issue 11 may add the same
-- column first; then this adds nothing.
ALTER TABLE characteristic_value ADD COLUMN IF NOT EXISTS is_unknown boolean NOT NULL DEFAULT false;
/* [jooq ignore start] */
UPDATE characteristic_value SET is_unknown = true
WHERE lower(code) IN ('unknown', 'not_stated', 'not-stated', 'u', 'z') AND NOT is_unknown;
/* [jooq ignore stop] */

-- Completeness of each release per characteristic type, computed once when the release is
-- published from the public's protected country-level answer (never from the stored cells):
-- the share of the count whose value is unknown or not stated, overall and in its worst period.
CREATE TABLE release_completeness (
    release_id                   bigint      NOT NULL,
    characteristic_type_id       integer     NOT NULL,
    coverage                     varchar(16) NOT NULL,
    unknown_count                double precision,
    total_count                  double precision,
    unknown_percent              double precision,
    worst_period_code            varchar(16),
    worst_period_unknown_percent double precision,
    note                         text,
    computed_at                  timestamp with time zone NOT NULL,
    CONSTRAINT release_completeness_pkey PRIMARY KEY (release_id, characteristic_type_id),
    CONSTRAINT release_completeness_release_fkey FOREIGN KEY (release_id) REFERENCES release (id),
    CONSTRAINT release_completeness_type_fkey FOREIGN KEY (characteristic_type_id) REFERENCES characteristic_type (id),
    CONSTRAINT release_completeness_coverage_check CHECK (coverage IN ('RECORDED', 'PARTLY', 'NOT_RECORDED'))
);

-- The gaps log (Suffolk's data audit): data someone needs and does not have, or has badly, raised
-- by any named caller and closed with a resolution by whoever answers for the data.
CREATE TABLE data_gap (
    id                        integer      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    indicator_id              integer,
    characteristic_type_id    integer,
    area_type                 varchar(32),
    description               text         NOT NULL,
    raised_by                 varchar(200) NOT NULL,
    raised_by_organisation_id integer      NOT NULL,
    raised_at                 timestamp with time zone NOT NULL,
    status                    varchar(8)   NOT NULL,
    closed_by                 varchar(200),
    closed_at                 timestamp with time zone,
    resolution                text,
    CONSTRAINT data_gap_indicator_fkey FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT data_gap_type_fkey FOREIGN KEY (characteristic_type_id) REFERENCES characteristic_type (id),
    CONSTRAINT data_gap_area_type_fkey FOREIGN KEY (area_type) REFERENCES area_type (code),
    CONSTRAINT data_gap_organisation_fkey FOREIGN KEY (raised_by_organisation_id) REFERENCES organisation (id),
    CONSTRAINT data_gap_status_check CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT data_gap_closed_check CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE INDEX data_gap_indicator_idx ON data_gap (indicator_id);
