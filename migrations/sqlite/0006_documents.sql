-- Documents issued for decisions: the PDF, its signed token, its delivery (e-Box or paper),
-- and its validity (a cancelled approval withdraws its certificate).
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    document_number TEXT NOT NULL UNIQUE,
    transaction_number TEXT NOT NULL,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    kind TEXT NOT NULL CHECK (kind IN ('a1', 'certificate_of_coverage', 'rejection')),
    language TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('e_box', 'paper')),
    pdf BLOB NOT NULL,
    token TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'withdrawn')),
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    state TEXT NOT NULL,
    countries TEXT NOT NULL,
    read_at TEXT,
    printed_at TEXT,
    withdrawn_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX documents_by_enterprise ON documents (enterprise_id, id);
CREATE INDEX documents_by_request ON documents (transaction_number);
CREATE INDEX documents_to_print ON documents (channel, printed_at);
