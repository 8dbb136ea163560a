-- Settings every process of a deployment shares (issue 14): `serve` records the public URL it
-- prints in QR codes, and a `wabro worker` started without one uses the same.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
