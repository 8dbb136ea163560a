-- Wabro schema, SQLite. Dates are ISO text (YYYY-MM-DD), timestamps RFC 3339 UTC text,
-- booleans 0/1, ids INTEGER (enterprises, users, requests) or random hex text (drafts).

CREATE TABLE enterprises (
    id INTEGER PRIMARY KEY,
    enterprise_number TEXT NOT NULL UNIQUE,
    nsso_number TEXT NOT NULL,
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    ebox_active INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('employer_user', 'access_manager', 'agent', 'admin')),
    enterprise_id INTEGER REFERENCES enterprises (id),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    CHECK ((role IN ('employer_user', 'access_manager')) = (enterprise_id IS NOT NULL))
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE workers (
    ssin TEXT PRIMARY KEY,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    nationality TEXT NOT NULL,
    birth_date TEXT,
    street TEXT NOT NULL,
    number TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL
);

CREATE TABLE dimona (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    ssin TEXT NOT NULL REFERENCES workers (ssin),
    start_date TEXT NOT NULL,
    end_date TEXT,
    UNIQUE (enterprise_id, ssin, start_date)
);

CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    input TEXT NOT NULL,
    submitted_request TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX drafts_by_enterprise ON drafts (enterprise_id, updated_at);

CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    transaction_number TEXT NOT NULL UNIQUE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    draft_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'in_progress',
    ssin TEXT NOT NULL,
    worker_name TEXT NOT NULL,
    worker_key TEXT NOT NULL,
    country TEXT NOT NULL,
    territory TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    admitted_start TEXT,
    admitted_end TEXT,
    decision TEXT,
    request_json TEXT NOT NULL,
    input_json TEXT NOT NULL,
    assessment_json TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX requests_by_enterprise ON requests (enterprise_id, id);
CREATE INDEX requests_by_worker ON requests (enterprise_id, ssin);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER,
    enterprise_id INTEGER,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit (entity, entity_id);
