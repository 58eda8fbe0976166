-- Custom geographies: named sets of standard areas defined by users (a neighbourhood team's
-- LSOAs, a cluster of wards). Each is also an `area` of type `custom`, and the closure table links
-- it to its members and everything inside them, so every query treats it like any other area and
-- rolls it up from the stored base cells. A definition never changes once made: answers already
-- given about it stay true, and consistent noise keyed on its base cells stays consistent.
CREATE TABLE custom_geography (
    area_id               integer      NOT NULL PRIMARY KEY,
    description           text,
    member_type           varchar(32)  NOT NULL,
    owner_organisation_id integer      NOT NULL,
    created_by            varchar(200) NOT NULL,
    created_at            timestamp with time zone NOT NULL DEFAULT current_timestamp,
    CONSTRAINT custom_geography_area_fkey FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT custom_geography_member_type_fkey FOREIGN KEY (member_type) REFERENCES area_type (code),
    CONSTRAINT custom_geography_owner_fkey FOREIGN KEY (owner_organisation_id) REFERENCES organisation (id)
);

-- The standard areas a custom geography is made of; they never overlap one another.
CREATE TABLE custom_geography_member (
    custom_area_id integer NOT NULL,
    member_area_id integer NOT NULL,
    CONSTRAINT custom_geography_member_pkey PRIMARY KEY (custom_area_id, member_area_id),
    CONSTRAINT custom_geography_member_custom_fkey FOREIGN KEY (custom_area_id) REFERENCES custom_geography (area_id),
    CONSTRAINT custom_geography_member_area_fkey FOREIGN KEY (member_area_id) REFERENCES area (id)
);
CREATE INDEX custom_geography_member_area_idx ON custom_geography_member (member_area_id);

-- Custom geography codes are "custom-<n>": lower case, so they never collide with GSS codes.
CREATE SEQUENCE custom_geography_code_seq;
