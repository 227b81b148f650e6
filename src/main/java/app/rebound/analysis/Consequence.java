package app.rebound.analysis;

/**
 * A knock-on penalty the platform's rules attach to a batch: an expected consequence, not a
 * measurement.
 *
 * @param source the rule it comes from
 */
public record Consequence(String zh, String en, String source) {}
