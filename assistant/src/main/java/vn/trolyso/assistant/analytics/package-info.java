/**
 * Usage analytics over the answer log: the usage report and its CSV, grouping of similar questions, the retention
 * purge. May use assistant.store, assistant.report, assistant.guard and knowledge.text.
 */
package vn.trolyso.assistant.analytics;
