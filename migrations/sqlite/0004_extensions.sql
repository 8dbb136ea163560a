-- A simultaneous occupation can be extended: the new request points to the one it extends.
ALTER TABLE drafts ADD COLUMN extends TEXT;
ALTER TABLE requests ADD COLUMN extends TEXT;
CREATE INDEX requests_by_extends ON requests (extends) WHERE extends IS NOT NULL;
