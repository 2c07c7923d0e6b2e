/**
 * What runs before any retrieval: input validation, the scope guard and the refusal texts. May use the assistant
 * package and assistant.text.
 */
package vn.trolyso.assistant.guard;
