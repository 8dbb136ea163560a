-- What an enterprise declared about its employees is its own (issue 12). Workers were stored
-- once for all enterprises, keyed by SSIN, so one enterprise's Dimona import rewrote the name,
-- address and birth date that another enterprise's directory showed. Each enterprise now keeps
-- its own record of each of its workers, and the Dimona periods point at that record. Existing
-- workers are copied to every enterprise that declared them.
CREATE TABLE enterprise_workers (
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    ssin TEXT NOT NULL,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    nationality TEXT NOT NULL,
    birth_date TEXT,
    street TEXT NOT NULL,
    number TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, ssin)
);
INSERT INTO enterprise_workers
SELECT DISTINCT d.enterprise_id, w.ssin, w.family_name, w.given_name, w.name_key, w.nationality, w.birth_date,
       w.street, w.number, w.postal_code, w.city, w.country
FROM dimona d JOIN workers w ON w.ssin = d.ssin;
CREATE INDEX workers_by_enterprise_name ON enterprise_workers (enterprise_id, name_key);

CREATE TABLE enterprise_dimona (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL,
    ssin TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    UNIQUE (enterprise_id, ssin, start_date),
    FOREIGN KEY (enterprise_id, ssin) REFERENCES enterprise_workers (enterprise_id, ssin)
);
INSERT INTO enterprise_dimona (id, enterprise_id, ssin, start_date, end_date)
SELECT id, enterprise_id, ssin, start_date, end_date FROM dimona;

DROP TABLE dimona;
DROP TABLE workers;
ALTER TABLE enterprise_workers RENAME TO workers;
ALTER TABLE enterprise_dimona RENAME TO dimona;
