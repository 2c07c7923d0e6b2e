/**
 * The answering pipeline: {@code DefaultAssistant} (guards, follow-ups, framework data, lessons, then the extractive
 * or the generative mode) and {@code AssistantFactory}, which wires it. May use every other assistant package and
 * the knowledge module.
 */
package vn.trolyso.assistant.answering;
