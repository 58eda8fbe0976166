-- Releases grown up: provenance (the organisation, the agreement the data was shared under, the
-- release a correction replaces and why), withdrawal by a steward, and the history kept.
--
-- Statuses: PUBLISHED - current for at least one of its periods; SUPERSEDED - every one of its
-- periods is covered by a newer release that is not withdrawn (kept, and read when a question asks
-- "as of" an earlier release); WITHDRAWN - taken back by a steward or operator: never read again,
-- not even "as of", and the newest earlier release of each of its periods is current again.
ALTER TABLE release DROP CONSTRAINT release_status_check;
ALTER TABLE release ADD CONSTRAINT release_status_check CHECK (status IN ('STAGING', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN'));

ALTER TABLE release ADD COLUMN agreement_id integer;
ALTER TABLE release ADD CONSTRAINT release_agreement_fkey FOREIGN KEY (agreement_id) REFERENCES data_sharing_agreement (id);
ALTER TABLE release ADD COLUMN corrects_release_id bigint;
ALTER TABLE release ADD CONSTRAINT release_corrects_fkey FOREIGN KEY (corrects_release_id) REFERENCES release (id);
ALTER TABLE release ADD COLUMN correction_reason text;
ALTER TABLE release ADD COLUMN superseded_at timestamp with time zone;
ALTER TABLE release ADD COLUMN withdrawn_at timestamp with time zone;
ALTER TABLE release ADD COLUMN withdrawn_by varchar(200);
ALTER TABLE release ADD COLUMN withdrawal_reason text;
ALTER TABLE release ADD CONSTRAINT release_withdrawal_check CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL));
ALTER TABLE release ADD CONSTRAINT release_correction_check CHECK (corrects_release_id IS NULL OR correction_reason IS NOT NULL);

-- Releases published before this migration: the newest release of each period was current, and
-- a release none of whose periods it was newest for had been superseded already.
UPDATE release r SET status = 'SUPERSEDED', superseded_at = current_timestamp
WHERE r.status = 'PUBLISHED'
  AND NOT EXISTS (SELECT 1 FROM release_period rp
                  WHERE rp.release_id = r.id
                    AND NOT EXISTS (SELECT 1 FROM release_period rp2 JOIN release r2 ON r2.id = rp2.release_id
                                    WHERE rp2.period_id = rp.period_id AND r2.indicator_id = r.indicator_id
                                      AND r2.status = 'PUBLISHED' AND r2.version > r.version));

CREATE INDEX release_indicator_status_idx ON release (indicator_id, status, version);
