package vn.trolyso.knowledge.framework;

/**
 * One indicator (chỉ báo) of a competency at a level.
 *
 * @param code e.g. "4.2.TC1a" (the letter is a sequential numbering, not verified as an official code)
 * @param text the requirement as transcribed
 */
public record Indicator(String code, String text) {
}
