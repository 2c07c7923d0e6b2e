/**
 * The Helidon SE service's entry point and composition root: {@code Main}, {@code TrolysoServer}, {@code
 * AppServices} (the wiring), {@code ApiRoutes} (the route table) and {@code StartLine}. May use every server package
 * and the assistant and knowledge modules.
 */
package vn.trolyso.server;
