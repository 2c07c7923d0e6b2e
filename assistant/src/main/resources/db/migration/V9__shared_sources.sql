-- Sources shared by every node of a ward or province on one PostgreSQL (issue 17): the files of the uploaded
-- documents (documents/<id>/original.*, text.txt, metadata.json) and of the school's learning modules
-- (materials/<id>.md), by path under the data directory. Each node keeps a copy on its disk and indexes it; a change
-- bumps source_generation, which every node polls to bring its copy up to date and rebuild its own index.
-- With the embedded H2 (one node) these tables stay empty.
CREATE TABLE shared_source (
    path        VARCHAR(600) PRIMARY KEY,
    sha256      VARCHAR(64) NOT NULL,
    size_bytes  BIGINT NOT NULL,
    content     BYTEA NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE source_generation (
    id          INT PRIMARY KEY,
    generation  BIGINT NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO source_generation(id, generation, changed_at) VALUES (1, 0, CURRENT_TIMESTAMP);
