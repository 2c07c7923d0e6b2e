/**
 * Competency-framework look-ups offered to the model as LangChain4j tools. May use knowledge.framework and
 * knowledge.search.
 */
package vn.trolyso.assistant.framework;
