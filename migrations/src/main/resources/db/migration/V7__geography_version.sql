-- Bumped by every change to the geography (areas, links, custom areas), so cached answers can
-- tell whether the areas they were computed over are still the same.
CREATE TABLE geography_version (
    id      smallint NOT NULL PRIMARY KEY,
    version bigint   NOT NULL,
    CONSTRAINT geography_version_single_row CHECK (id = 1)
);
INSERT INTO geography_version (id, version) VALUES (1, 0);
