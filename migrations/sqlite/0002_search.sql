-- Consult, search and cancel: decision columns, cancellation, indexes for every filter and
-- sort inside an enterprise, and a trigram full-text index on the worker's name key.

ALTER TABLE requests ADD COLUMN decision_kind TEXT CHECK (decision_kind IN ('approved', 'rejected'));
ALTER TABLE requests ADD COLUMN channel TEXT CHECK (channel IN ('paper', 'e_box'));
ALTER TABLE requests ADD COLUMN cancel_reason TEXT;
ALTER TABLE requests ADD COLUMN cancelled_at TEXT;
ALTER TABLE requests ADD COLUMN cancelled_by INTEGER REFERENCES users (id);

DROP INDEX requests_by_worker;
CREATE INDEX requests_by_ssin ON requests (enterprise_id, ssin, id);
CREATE INDEX requests_by_kind ON requests (enterprise_id, kind, id);
CREATE INDEX requests_by_name ON requests (enterprise_id, worker_key, id);
CREATE INDEX requests_by_country ON requests (enterprise_id, country, id);
CREATE INDEX requests_by_territory ON requests (enterprise_id, territory, id) WHERE territory IS NOT NULL;
CREATE INDEX requests_by_status ON requests (enterprise_id, status, id);
CREATE INDEX requests_by_start ON requests (enterprise_id, start_date, id);
CREATE INDEX requests_by_admitted ON requests (enterprise_id, admitted_start, id);
CREATE INDEX requests_by_ssin_all ON requests (ssin);

CREATE VIRTUAL TABLE requests_name USING fts5 (
    worker_key,
    content = 'requests',
    content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO requests_name (rowid, worker_key) SELECT id, worker_key FROM requests;

CREATE TRIGGER requests_name_insert AFTER INSERT ON requests BEGIN
    INSERT INTO requests_name (rowid, worker_key) VALUES (new.id, new.worker_key);
END;
CREATE TRIGGER requests_name_delete AFTER DELETE ON requests BEGIN
    INSERT INTO requests_name (requests_name, rowid, worker_key) VALUES ('delete', old.id, old.worker_key);
END;
CREATE TRIGGER requests_name_update AFTER UPDATE OF worker_key ON requests BEGIN
    INSERT INTO requests_name (requests_name, rowid, worker_key) VALUES ('delete', old.id, old.worker_key);
    INSERT INTO requests_name (rowid, worker_key) VALUES (new.id, new.worker_key);
END;
