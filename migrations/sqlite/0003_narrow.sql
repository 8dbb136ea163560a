-- Faster search at a million requests:
-- * the JSON bodies move to their own table, so the requests table stays narrow and every
--   index lookup reads a small row;
-- * names are searched among the distinct names (a small trigram index), and requests point
--   to their name: a substring becomes a short list of name ids, looked up in an index;
-- * the date indexes cover both ends of the period.

CREATE TABLE request_bodies (
    request_id INTEGER PRIMARY KEY REFERENCES requests (id),
    request_json TEXT NOT NULL,
    input_json TEXT NOT NULL,
    assessment_json TEXT NOT NULL
);
INSERT INTO request_bodies (request_id, request_json, input_json, assessment_json)
    SELECT id, request_json, input_json, assessment_json FROM requests;
ALTER TABLE requests DROP COLUMN request_json;
ALTER TABLE requests DROP COLUMN input_json;
ALTER TABLE requests DROP COLUMN assessment_json;

DROP TRIGGER requests_name_insert;
DROP TRIGGER requests_name_delete;
DROP TRIGGER requests_name_update;
DROP TABLE requests_name;

CREATE TABLE worker_names (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE worker_names_fts USING fts5 (
    key,
    content = 'worker_names',
    content_rowid = 'id',
    tokenize = 'trigram'
);
CREATE TRIGGER worker_names_insert AFTER INSERT ON worker_names BEGIN
    INSERT INTO worker_names_fts (rowid, key) VALUES (new.id, new.key);
END;
INSERT OR IGNORE INTO worker_names (key) SELECT DISTINCT worker_key FROM requests;

ALTER TABLE requests ADD COLUMN name_id INTEGER REFERENCES worker_names (id);
UPDATE requests SET name_id = (SELECT id FROM worker_names WHERE key = requests.worker_key);
CREATE TRIGGER requests_name_link AFTER INSERT ON requests BEGIN
    INSERT OR IGNORE INTO worker_names (key) VALUES (new.worker_key);
    UPDATE requests SET name_id = (SELECT id FROM worker_names WHERE key = new.worker_key) WHERE id = new.id;
END;
CREATE INDEX requests_by_name_id ON requests (enterprise_id, name_id, id);
CREATE INDEX requests_by_name_id_all ON requests (name_id, id);

DROP INDEX requests_by_start;
CREATE INDEX requests_by_start ON requests (enterprise_id, start_date, end_date, id);
DROP INDEX requests_by_admitted;
CREATE INDEX requests_by_admitted ON requests (enterprise_id, admitted_start, admitted_end, id);
