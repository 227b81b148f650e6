package app.rebound.advice;

import java.util.List;

/**
 * One action of the plan with its expected value over the next 30 days.
 *
 * @param id appeal, listing, promotion, interaction, customer_service, affiliate, monitoring or
 *     compliance
 * @param rank 1 is done first
 * @param expectedGmv GMV expected back over 30 days, yuan
 * @param cost what the action costs over the same 30 days, yuan
 * @param effort low, medium or high
 * @param confidence 0–1: how far the value rests on measured, significant gaps
 * @param products product ids the action is about (empty: the whole shop)
 * @param gap the measured gap it addresses, a sentence
 * @param rationale why, with the shop's own numbers, a sentence
 */
public record RankedAction(
    String id,
    int rank,
    double expectedGmv,
    double expectedGmvLow,
    double expectedGmvHigh,
    double cost,
    String effort,
    double confidence,
    int daysToEffect,
    List<String> products,
    String gap,
    String rationale) {

  /** Every action id a plan can hold, in the catalogue's order. */
  public static final List<String> ACTION_IDS =
      List.of(
          Catalogue.APPEAL,
          Catalogue.LISTING,
          Catalogue.PROMOTION,
          Catalogue.INTERACTION,
          Catalogue.CUSTOMER_SERVICE,
          Catalogue.AFFILIATE,
          Catalogue.MONITORING,
          Catalogue.COMPLIANCE);

  public RankedAction {
    products = List.copyOf(products);
  }

  /** Expected GMV minus cost: what the ranking sorts on. */
  public double net() {
    return expectedGmv - cost;
  }
}
