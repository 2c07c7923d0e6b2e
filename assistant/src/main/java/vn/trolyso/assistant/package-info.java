/**
 * The assistant's contract: {@code Assistant}, {@code Question}, {@code Answer}, {@code Citation}, modes, profiles
 * and roles, and its exceptions; the implementations live in the subpackages. Uses knowledge.materials (the lesson a
 * question is asked from).
 */
package vn.trolyso.assistant;
