package app.rebound.web;

/** The body of every API error: {"error": "...", "status": N}. */
public record ApiError(String error, int status) {}
