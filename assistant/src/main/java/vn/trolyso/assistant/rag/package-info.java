/**
 * Retrieval-augmented generation: sources retrieved, budgeted and numbered in the prompt, citations streamed, the
 * framework tool round and the token estimate. May use assistant.llm, assistant.citation, assistant.conversation,
 * assistant.framework and the knowledge module.
 */
package vn.trolyso.assistant.rag;
