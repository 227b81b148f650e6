package app.rebound.advice;

import java.time.LocalDate;
import java.util.List;

public record Plan(String lang, LocalDate asOf, List<RankedAction> actions, List<PlanStep> steps, List<Assumption> assumptions) {}
