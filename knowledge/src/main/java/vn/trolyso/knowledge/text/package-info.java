/**
 * The one home of Vietnamese text handling: normalisation, accent folding and slugs, tone-mark placement,
 * abbreviations (listed and mined), question words, the Lucene analyzers, the line grammar of documents
 * ({@link vn.trolyso.knowledge.text.LineGrammar}: items, headings, sentence ends) and the sentence splitter. Uses
 * nothing else of Trợ lý số; every other package that normalises or folds Vietnamese calls it.
 */
package vn.trolyso.knowledge.text;
