/**
 * Ollama through LangChain4j: settings, the gateway with its circuit breaker and generation slots, the probe and
 * health, streaming and embeddings. May use the assistant package and knowledge.search.
 */
package vn.trolyso.assistant.llm;
