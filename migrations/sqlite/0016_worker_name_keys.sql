-- One name search everywhere (issue 13): the personnel directory matches the given name as
-- well as the family name, as Consult does. The search key is accent-folded in Rust, so the keys
-- are emptied here and filled again when the store opens.
UPDATE workers SET name_key = '';
