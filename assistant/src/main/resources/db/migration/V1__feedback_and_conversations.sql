-- Answers given (for feedback and the administration reports) and the ratings people gave them.
CREATE TABLE answer_log (
    message_id       VARCHAR(64) PRIMARY KEY,
    conversation_id  VARCHAR(64) NOT NULL,
    asked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    question         VARCHAR(4000),
    mode             VARCHAR(20) NOT NULL,
    cited_documents  VARCHAR(2000),
    latency_ms       INT NOT NULL,
    llm_fallback     BOOLEAN DEFAULT FALSE NOT NULL,
    client_key       VARCHAR(64)
);
CREATE INDEX answer_log_asked_at ON answer_log(asked_at);

CREATE TABLE feedback (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id  VARCHAR(64) NOT NULL,
    rating      VARCHAR(8) NOT NULL,
    comment     VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX feedback_message ON feedback(message_id);
