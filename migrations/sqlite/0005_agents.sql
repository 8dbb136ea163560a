-- The NSSO back office: the pre-assessment's verdict on the request row (for the queue's
-- filter), the queue's index, and the outbox of jobs a decision creates (documents to issue).
ALTER TABLE requests ADD COLUMN blocking INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN findings INTEGER NOT NULL DEFAULT 0;
CREATE INDEX requests_queue ON requests (status, id);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    transaction_number TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX jobs_pending ON jobs (status, id);
