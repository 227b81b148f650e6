package app.rebound.advice;

import java.time.LocalDate;

public record PlanStep(LocalDate start, LocalDate end, String actionId, String text) {}
