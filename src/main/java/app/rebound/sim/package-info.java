/**
 * The seeded shop simulator: whole shops in the Douyin export format, with the true injected
 * effects.
 */
package app.rebound.sim;
