/**
 * The one home of Vietnamese text handling: normalisation, accent folding and slugs, tone-mark placement,
 * abbreviations (listed and mined), question words and the Lucene analyzers. Uses nothing else of Trợ lý số; every
 * other package that normalises or folds Vietnamese calls it.
 */
package vn.trolyso.knowledge.text;
