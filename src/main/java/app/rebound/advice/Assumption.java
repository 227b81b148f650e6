package app.rebound.advice;

/**
 * One coefficient of the scoring, as assumptions.properties documents it.
 *
 * @param unit share, yuan, days, per_day, …
 * @param source where the value comes from; a judgement says so
 */
public record Assumption(
    String key, double value, String unit, String description, String source) {}
