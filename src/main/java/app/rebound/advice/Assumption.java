package app.rebound.advice;

public record Assumption(String key, double value, String unit, String description, String source) {}
