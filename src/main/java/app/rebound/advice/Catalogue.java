package app.rebound.advice;

import app.rebound.Words;

/** The actions a merchant can take, with their effort; their words are in the message bundles. */
final class Catalogue {

  private Catalogue() {}

  /**
   * How much work the action is: low, medium or high. Every action has one (the switch says so).
   */
  static String effort(ActionId id) {
    return switch (id) {
      case PROMOTION, MONITORING -> "low";
      case INTERACTION -> "high";
      case APPEAL, LISTING, CUSTOMER_SERVICE, AFFILIATE, COMPLIANCE -> "medium";
    };
  }

  /** What doing the action means, as the plan's first step says it. */
  static String what(ActionId id, boolean zh) {
    return Words.format("action." + id.code() + ".what", zh);
  }

  /**
   * The follow-up week's step: the measures the action is meant to move, checked against the days
   * before it started, on {@code products} (already joined).
   */
  static String check(ActionId id, boolean zh, String products) {
    return Words.format("action." + id.code() + ".check", zh, products);
  }
}
