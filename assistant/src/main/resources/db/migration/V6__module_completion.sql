-- A module is completed only when its check was passed (issue 13). Before, "done" could be set without a check or
-- with a failed one. Existing rows are migrated honestly: a passed check (then all answers right) stays completed, a
-- failed check becomes an attempt, a "done" without any check becomes "read".
ALTER TABLE module_progress ADD COLUMN status VARCHAR(12);
ALTER TABLE module_progress ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
UPDATE module_progress SET
    status = CASE WHEN checks_passed = TRUE THEN 'completed' WHEN checks_passed = FALSE THEN 'attempted' ELSE 'read' END,
    attempts = CASE WHEN checks_passed IS NULL THEN 0 ELSE 1 END;
ALTER TABLE module_progress ALTER COLUMN status SET NOT NULL;
ALTER TABLE module_progress DROP COLUMN done;
