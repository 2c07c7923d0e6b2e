/**
 * The no-LLM mode: picks and cleans the sentences of the retrieved passages that answer the question. May use
 * assistant.text, knowledge.document and knowledge.search.
 */
package vn.trolyso.assistant.extractive;
