-- The audit trail an auditor asks for (issue 12): every record carries the client's address and
-- the request's id, and a hash that chains it to the record before it, so that a record edited
-- or removed by hand breaks the chain (`wabro audit verify`). Records written before this
-- migration are sealed into the chain when the store opens. Indexes serve the administrator's
-- audit search by person, enterprise and date.
ALTER TABLE audit ADD COLUMN client TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN request_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT;
CREATE INDEX audit_by_user ON audit (user_id, id);
CREATE INDEX audit_by_enterprise ON audit (enterprise_id, id);
CREATE INDEX audit_by_at ON audit (at, id);

-- Failed logins, shared by every instance of the service: per account and address (the owner
-- elsewhere is not slowed) and per address (one address trying many accounts).
CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

-- Sessions show a person where they are logged in (the address at login).
ALTER TABLE sessions ADD COLUMN client TEXT NOT NULL DEFAULT '';
