package app.rebound.web;

import app.rebound.ingest.NoticeProblem;
import java.util.List;

/**
 * The body of a refused notice (400): an API error's {"error", "status"}, and each problem with its
 * field.
 */
public record NoticeRefusal(String error, int status, List<NoticeProblem> problems) {}
