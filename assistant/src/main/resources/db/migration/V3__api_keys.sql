-- API keys created by the administrator (the admin page "Khóa API"); keys from TROLYSO_API_KEYS stay in the
-- environment. Only the SHA-256 of a key is stored: the key itself is shown once, when it is created.
CREATE TABLE api_key (
    id               VARCHAR(64) PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    key_sha256       VARCHAR(64) NOT NULL,
    key_prefix       VARCHAR(16) NOT NULL,
    scopes           VARCHAR(200) NOT NULL,
    allowed_origins  VARCHAR(2000) DEFAULT '' NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE,
    revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_key_sha256 ON api_key(key_sha256);
