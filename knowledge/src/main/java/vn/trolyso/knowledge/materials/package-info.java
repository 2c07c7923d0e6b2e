/**
 * Learning modules as data: their format ({@code MaterialParser}), the bundled library and the modules a school
 * adds. May use knowledge.document and knowledge.framework.
 */
package vn.trolyso.knowledge.materials;
