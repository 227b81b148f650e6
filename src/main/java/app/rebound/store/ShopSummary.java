package app.rebound.store;

import java.time.LocalDateTime;

/**
 * A shop as listed: its id, how many distinct orders it holds, its uploads and when it last got
 * one.
 */
public record ShopSummary(
    String id, long ordersDistinct, long uploads, LocalDateTime lastUploadAt) {}
