-- Conversation history (issue 16): GET /api/v1/conversations/{id} returns each turn's answer and citations, also
-- after a restart. The answer text is stored only when question text is (TROLYSO_LOG_QUESTIONS); the citations
-- (document ids, titles, sections, snippets of the documents) always, as JSON.
ALTER TABLE answer_log ADD COLUMN answer_text TEXT;
ALTER TABLE answer_log ADD COLUMN citations TEXT;
CREATE INDEX answer_log_conversation ON answer_log(conversation_id);
