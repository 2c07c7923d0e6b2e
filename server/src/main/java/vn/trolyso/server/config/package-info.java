/**
 * Configuration: {@code application.yaml} and the environment read into {@code ServerConfig} and {@code
 * ReportSettings}. May use server.security's types; the rest of the server takes its settings from here.
 */
package vn.trolyso.server.config;
