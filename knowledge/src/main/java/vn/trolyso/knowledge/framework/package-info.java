/**
 * The competency framework (Thông tư 02/2025/TT-BGDĐT) as data: loading {@code khung-nang-luc-so.json}, look-ups,
 * recognising framework questions and answering them from the data. May use knowledge.document, knowledge.search and
 * knowledge.text.
 */
package vn.trolyso.knowledge.framework;
