/**
 * Learning: the adaptive self-assessment, target levels, learning paths, module progress and checks, and the
 * progress report, kept in the database. May use the assistant package, assistant.store, assistant.report,
 * knowledge.framework and knowledge.materials.
 */
package vn.trolyso.assistant.learning;
