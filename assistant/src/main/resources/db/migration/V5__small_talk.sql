-- Greetings and small talk ("xin chào", "cảm ơn", "bạn là ai") are answered politely but are not questions the
-- documents failed to answer: flagged when logged (even when question text is not stored) and kept out of the
-- "unanswered" report.
ALTER TABLE answer_log ADD COLUMN small_talk BOOLEAN DEFAULT FALSE NOT NULL;
