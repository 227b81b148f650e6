package app.rebound.advice;

import app.rebound.Words;
import java.util.Map;

/** The actions a merchant can take, with their effort; their words are in the message bundles. */
final class Catalogue {

  static final String APPEAL = "appeal";
  static final String LISTING = "listing";
  static final String PROMOTION = "promotion";
  static final String INTERACTION = "interaction";
  static final String CUSTOMER_SERVICE = "customer_service";
  static final String AFFILIATE = "affiliate";
  static final String MONITORING = "monitoring";
  static final String COMPLIANCE = "compliance";

  /**
   * @param zh what doing the action means
   * @param checkZh the follow-up week's step: the measures the action is meant to move, checked
   *     against the days before it started; %s stands for its products
   */
  /** An action's effort; what doing it means and what its follow-up checks are in the bundles. */
  record Entry(String effort) {}

  /** What doing the action means, as the plan's first step says it. */
  static String what(String id, boolean zh) {
    return Words.format("action." + id + ".what", zh);
  }

  /**
   * The follow-up week's step: the measures the action is meant to move, checked against the days
   * before it started, on {@code products} (already joined).
   */
  static String check(String id, boolean zh, String products) {
    return Words.format("action." + id + ".check", zh, products);
  }

  private static final Map<String, Entry> ENTRIES =
      Map.of(
          APPEAL, new Entry("medium"),
          LISTING, new Entry("medium"),
          PROMOTION, new Entry("low"),
          INTERACTION, new Entry("high"),
          CUSTOMER_SERVICE, new Entry("medium"),
          AFFILIATE, new Entry("medium"),
          MONITORING, new Entry("low"),
          COMPLIANCE, new Entry("medium"));

  private Catalogue() {}

  static Entry get(String id) {
    Entry e = ENTRIES.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no action " + id);
    }
    return e;
  }
}
