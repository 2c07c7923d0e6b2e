/**
 * Operations: backup and restore of the data directory, the run file, the systemd unit and their command line. May
 * use server.config, server.http and server.security.
 */
package vn.trolyso.server.ops;
