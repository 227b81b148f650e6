/**
 * Advice: what a merchant should do about deleted sales, ranked by the money each action is
 * expected to bring back, scored from the impact report with coefficients kept in one editable
 * file.
 */
package app.rebound.advice;
