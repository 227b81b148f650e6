package app.rebound.advice;

import java.time.LocalDate;

/** One dated step of the plan, for the action it belongs to; start and end inclusive. */
public record PlanStep(LocalDate start, LocalDate end, ActionId actionId, String text) {}
