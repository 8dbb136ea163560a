-- A worker claims the jobs it works on until a time (Unix seconds); another worker takes a job
-- only once its claim has lapsed (the first worker stopped, or the job failed and waits for its
-- retry).
ALTER TABLE jobs ADD COLUMN claimed_until INTEGER;
