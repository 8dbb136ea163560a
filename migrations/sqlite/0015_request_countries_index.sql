-- Every country of work of a request, one row each, so that Consult finds a simultaneous
-- occupation by any of its countries through an index (issue 13). A trigger keeps it, whoever
-- inserts the request; a request without its list (benchmark data) counts its main country.
CREATE TABLE request_countries (
    request_id INTEGER NOT NULL REFERENCES requests (id),
    enterprise_id INTEGER NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (request_id, country)
) WITHOUT ROWID;
CREATE INDEX request_countries_by_enterprise ON request_countries (enterprise_id, country, request_id);
CREATE INDEX request_countries_by_country ON request_countries (country, request_id);

INSERT OR IGNORE INTO request_countries (request_id, enterprise_id, country)
SELECT r.id, r.enterprise_id, j.value
FROM requests r,
     json_each('["' || replace(CASE WHEN r.countries = '' THEN r.country ELSE r.countries END, ',', '","') || '"]') j
WHERE j.value != '';

CREATE TRIGGER request_countries_insert AFTER INSERT ON requests BEGIN
    INSERT OR IGNORE INTO request_countries (request_id, enterprise_id, country)
    SELECT new.id, new.enterprise_id, j.value
    FROM json_each('["' || replace(CASE WHEN new.countries = '' THEN new.country ELSE new.countries END, ',', '","') || '"]') j
    WHERE j.value != '';
END;
