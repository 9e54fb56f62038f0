-- A PostgreSQL btree entry holds at most about 2.7 kB while a path may take 4 kB:
-- a key on the folder itself would reject long paths, so the folder's digest is unique instead.
CREATE UNIQUE INDEX recent_projects_folder_key ON recent_projects (md5(folder));
