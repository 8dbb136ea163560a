-- A password set by someone else (an access manager creating or resetting an account, or the
-- command line) must be changed by its owner at the next login.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
