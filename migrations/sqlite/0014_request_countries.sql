-- Every country of work of a request (a simultaneous occupation has several), comma-separated:
-- Consult finds a request by any of them, lists show them all, and the pre-assessment compares
-- them with the worker's other requests. Existing requests are filled from their stored body.
ALTER TABLE requests ADD COLUMN countries TEXT NOT NULL DEFAULT '';
UPDATE requests SET countries = COALESCE((
    SELECT CASE json_extract(b.request_json, '$.kind')
        WHEN 'posting' THEN json_extract(b.request_json, '$.destination.country')
        WHEN 'seafarer' THEN json_extract(b.request_json, '$.ship.flag')
        ELSE (SELECT group_concat(value, ',') FROM json_each(b.request_json, '$.countries'))
    END
    FROM request_bodies b WHERE b.request_id = requests.id), country);
