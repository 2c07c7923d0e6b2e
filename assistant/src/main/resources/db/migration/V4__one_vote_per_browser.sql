-- One rating per answer and browser: the widget sends a random id kept in the browser (voter_id); rating the same
-- answer again changes that rating instead of adding one. Ratings stored before this migration keep voter_id NULL
-- (NULLs are distinct in a unique index, so they stay as they were).
ALTER TABLE feedback ADD COLUMN voter_id VARCHAR(64);
ALTER TABLE feedback ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX feedback_message_voter ON feedback(message_id, voter_id);
