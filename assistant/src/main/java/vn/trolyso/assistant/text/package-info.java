/**
 * Matching keys for Vietnamese words inside the answering pipeline ({@code Terms}). Uses nothing else of the
 * assistant; normalisation and folding themselves belong in knowledge.text.
 */
package vn.trolyso.assistant.text;
