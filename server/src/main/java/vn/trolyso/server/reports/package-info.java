/**
 * The administrator's reports: usage (JSON and CSV), feedback comments, and the retention job. May use
 * assistant.analytics, assistant.report, assistant.store, server.http and server.security.
 */
package vn.trolyso.server.reports;
