-- H2 indexes a whole path of any length, so the folder itself is the key.
ALTER TABLE recent_projects ADD CONSTRAINT recent_projects_pk PRIMARY KEY (folder);
