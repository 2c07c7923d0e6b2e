/**
 * Configuration: one Helidon {@code Config} tree ({@code application.yaml} with the variables of {@code
 * ConfigVariables} over it), read once into {@code ServerConfig} and the typed settings records it hands down. The
 * only package that reads the process environment. May use server.security's and server.http's types and the
 * assistant's {@code OllamaSettings}; the rest of the server takes its settings from here.
 */
package vn.trolyso.server.config;
