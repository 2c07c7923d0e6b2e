/**
 * Conversation memory and the rewriting of follow-up questions into standalone ones. May use assistant.text.
 */
package vn.trolyso.assistant.conversation;
