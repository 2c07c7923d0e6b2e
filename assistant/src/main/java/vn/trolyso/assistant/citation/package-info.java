/**
 * Turns the numbered sources [n] of an answer into citations. May use the assistant package and knowledge.search.
 */
package vn.trolyso.assistant.citation;
