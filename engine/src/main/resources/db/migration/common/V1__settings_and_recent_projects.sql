-- Shared by every database: standard SQL that H2 and PostgreSQL both accept.
-- Vendor folders (h2, postgresql) hold the parts that differ, numbered V<n>_1 and up after the common V<n>.

-- Small named values the studio remembers: window layout, theme, last choices.
CREATE TABLE settings (
    setting_key   CHARACTER VARYING(255) NOT NULL PRIMARY KEY,
    setting_value CHARACTER VARYING      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Project folders the user opened (absolute, normalized paths), newest first; the studio keeps ten.
-- The uniqueness of folder is declared per vendor: see V1_1 in the vendor folders.
CREATE TABLE recent_projects (
    folder      CHARACTER VARYING(4096)  NOT NULL,
    last_opened TIMESTAMP WITH TIME ZONE NOT NULL
);
