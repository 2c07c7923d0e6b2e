/**
 * Writers of the files that reports are downloaded as: {@code SpreadsheetCsv}, the one CSV writer. Uses nothing else
 * of Trợ lý số (commons-csv only).
 */
package vn.trolyso.assistant.report;
