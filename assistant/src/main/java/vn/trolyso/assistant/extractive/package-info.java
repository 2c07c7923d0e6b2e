/**
 * The no-LLM mode: picks and cleans the sentences of the retrieved passages that answer the question. May use
 * assistant.text, knowledge.document, knowledge.search and knowledge.text (the sentence splitter, the line grammar).
 */
package vn.trolyso.assistant.extractive;
