-- One counter for everything an answer is computed from: bumped by every geography change (as
-- before) and by every release published and every characteristic declared a function of the
-- area, as the last statement of the transaction that makes the change (so its row lock is held
-- for moments, not for the length of an upload). Caches of questions' facts and of answers are
-- keyed by it; every instance reads it once per question, so no instance serves an answer
-- computed from data that another instance has since changed.
ALTER TABLE geography_version RENAME TO data_version;
/* [jooq ignore start] */
ALTER TABLE data_version RENAME CONSTRAINT geography_version_single_row TO data_version_single_row;
ALTER INDEX geography_version_pkey RENAME TO data_version_pkey;
/* [jooq ignore stop] */
