package vn.trolyso.knowledge.document;

/** What a document is for the assistant: where it came from and how its passages are cited. */
public enum DocumentKind {
    /** An official document: a plan, an official letter, a decision (bundled or uploaded by the school). */
    OFFICIAL,
    /** A passage generated from the learners' digital competency framework data. */
    FRAMEWORK,
    /** A training module from the learning-materials library. */
    MATERIAL
}
