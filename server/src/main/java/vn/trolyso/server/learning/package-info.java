/**
 * The learning API (self-assessment, paths, modules, progress report) and the administration of school modules. May
 * use assistant.learning, assistant.report, knowledge.materials, knowledge.framework, server.documents, server.http
 * and server.security.
 */
package vn.trolyso.server.learning;
