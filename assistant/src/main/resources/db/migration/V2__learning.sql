-- Learning companion: pseudonymous profiles, self-assessments and module progress.
-- A profile holds no personal data beyond role and grade: a generated id, an optional display name and school.
CREATE TABLE learner_profile (
    id            VARCHAR(36) PRIMARY KEY,
    role          VARCHAR(20) NOT NULL,
    grade         INT,
    display_name  VARCHAR(100),
    school        VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learner_profile_school ON learner_profile(school);

CREATE TABLE assessment (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    profile_id  VARCHAR(36) NOT NULL REFERENCES learner_profile(id) ON DELETE CASCADE,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX assessment_profile ON assessment(profile_id, taken_at);

CREATE TABLE assessment_answer (
    assessment_id  BIGINT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    statement_id   VARCHAR(20) NOT NULL,
    answer         VARCHAR(10) NOT NULL,
    PRIMARY KEY (assessment_id, statement_id)
);

CREATE TABLE assessment_domain (
    assessment_id    BIGINT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    domain_code      VARCHAR(4) NOT NULL,
    estimated_level  INT NOT NULL,
    target_level     INT NOT NULL,
    PRIMARY KEY (assessment_id, domain_code)
);

CREATE TABLE module_progress (
    profile_id     VARCHAR(36) NOT NULL REFERENCES learner_profile(id) ON DELETE CASCADE,
    module_id      VARCHAR(100) NOT NULL,
    done           BOOLEAN NOT NULL,
    checks_passed  BOOLEAN,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (profile_id, module_id)
);
