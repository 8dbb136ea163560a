-- The unread count every page's navigation shows, from an index of the unread e-Box documents
-- alone: it takes as many steps as there are unread documents, not as many as the enterprise
-- has ever received.
CREATE INDEX documents_unread ON documents (enterprise_id) WHERE channel = 'e_box' AND read_at IS NULL;
