-- Two tabs on one draft (issue 13): every save counts a version, and a step saved over a newer
-- version than the one its page showed is not written silently.
ALTER TABLE drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
