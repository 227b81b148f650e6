package app.rebound.advice;

import java.util.List;

public record RankedAction(String id, int rank, double expectedGmv, double expectedGmvLow, double expectedGmvHigh, double cost, String effort, double confidence, int daysToEffect, List<String> products, String gap, String rationale) {}
