-- Observation cells are written by one path only, the release import, which resolves every
-- area, period and characteristic value id from the catalogue in the same transaction (under
-- the indicator's lock) and reserves the release id it writes. Nothing deletes areas, periods,
-- characteristic values or releases. The foreign keys of observation therefore never caught
-- anything, and each cost a per-row trigger (an index probe and a row lock) on every COPY:
-- six of them more than halved upload throughput at England scale (a 2-million-row release).
-- They go; the integrity they stated is the importer's, and is tested there.
-- (On Citus, observation is distributed by indicator_id and the catalogue tables are
-- reference tables; without these keys nothing constrains the distribution.)
ALTER TABLE observation DROP CONSTRAINT observation_release_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_indicator_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_area_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_period_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_c1_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_c2_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_c3_fkey;
ALTER TABLE observation DROP CONSTRAINT observation_c4_fkey;
