package app.rebound.store;

import java.time.LocalDateTime;

/**
 * One entry of a case's history (never changed once written): the change and when it was recorded.
 */
public record CaseEvent(long id, CaseChange change, LocalDateTime recordedAt) {}
