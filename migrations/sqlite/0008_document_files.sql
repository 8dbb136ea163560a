-- The PDFs move to a table of their own. In `documents` the PDF sat in the middle of each row,
-- so every column after it (status, dates, holder, read_at...) lay past some 18 KB of overflow
-- pages: counting an enterprise's unread documents, which every page's navigation does, read
-- every one of its PDFs. Now a document's row stays on one page and the PDF is read only to be
-- downloaded.
CREATE TABLE document_files (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    pdf BLOB NOT NULL
);
INSERT INTO document_files (document_id, pdf) SELECT id, pdf FROM documents;
ALTER TABLE documents DROP COLUMN pdf;
