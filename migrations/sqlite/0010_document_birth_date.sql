-- The holder's full date of birth, as printed on the document: the second fact that a lookup
-- by document number alone must give (issue 12). A guesser who counts document numbers up
-- learns nothing without it. Documents issued before this column verify by their QR code.
ALTER TABLE documents ADD COLUMN birth_date TEXT;
