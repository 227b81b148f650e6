package app.rebound.report;

import app.rebound.Words;

/**
 * Every word the charts draw, by its key in the message bundles ({@code chart.*}; a word the pages
 * already say, such as a measure's name, by the pages' key), so charts translate like every page.
 * {@link Labels#text} gives the words in a language.
 */
enum Label {
  DATE("chart.axis.date"),
  ACTUAL("chart.series.actual"),
  EXPECTED("chart.series.expected"),
  BAND_NOTE("chart.note.band"),
  PRODUCT_BAND_NOTE("chart.note.product_band"),
  CUMULATIVE_NOTE("chart.note.cumulative"),
  DELETION("chart.marker.deletion"),
  FIRST_DELETION("chart.marker.first_deletion"),

  VISITORS_TITLE("chart.title.visitors"),
  IMPRESSIONS_TITLE("chart.title.impressions"),
  BUYERS_TITLE("chart.title.buyers"),
  GMV_TITLE("chart.title.gmv"),
  VISITORS_CUMULATIVE_TITLE("chart.title.visitors_cumulative"),
  GMV_CUMULATIVE_TITLE("chart.title.gmv_cumulative"),
  PRODUCT_VISITORS_TITLE("chart.title.product_visitors"),
  PRODUCT_GMV_TITLE("chart.title.product_gmv"),

  VISITORS_AXIS("chart.axis.visitors"),
  IMPRESSIONS_AXIS("chart.axis.impressions"),
  BUYERS_AXIS("chart.axis.buyers"),
  GMV_AXIS("chart.axis.gmv"),
  LOST_VISITORS("chart.series.lost_visitors"),
  LOST_GMV("chart.series.lost_gmv"),
  LOST_VISITORS_AXIS("chart.axis.lost_visitors"),
  LOST_GMV_AXIS("chart.axis.lost_gmv"),

  AFFECTED("chart.series.affected"),
  UNAFFECTED("chart.series.unaffected"),
  WHOLE_SHOP("chart.series.whole_shop"),
  TRUST_RATING_TITLE("chart.title.trust_rating"),
  TRUST_RATING_AXIS("chart.axis.trust_rating"),
  TRUST_DOUBTFUL_TITLE("chart.title.trust_doubtful"),
  TRUST_DOUBTFUL_AXIS("chart.axis.trust_doubtful"),
  TRUST_REFUND_TITLE("chart.title.trust_refund"),
  TRUST_REFUND_AXIS("measure.refund_rate"),
  SHOP_SCORE_TITLE("chart.shop_score"),
  SHOP_SCORE_AXIS("chart.axis.shop_score"),
  COMPLAINTS_TITLE("chart.title.complaints"),
  COMPLAINTS_AXIS("chart.axis.complaints"),
  PARTNERS_ACTIVE_TITLE("chart.title.partners_active"),
  PARTNERS_ACTIVE_AXIS("chart.axis.partners_active"),
  PARTNERS_CANCELLED_TITLE("chart.title.partners_cancelled"),
  PARTNERS_CANCELLED_AXIS("chart.axis.partners_cancelled"),
  AFFILIATE_GMV_TITLE("chart.title.affiliate_gmv"),

  DELETIONS_TITLE("chart.title.deletions_timeline"),
  DELETIONS_NOTE("chart.note.deletions"),
  DELETIONS_AXIS("chart.axis.deletions"),
  CAUSE_SYSTEM_ERROR("chart.cause.system_error"),
  CAUSE_MALICIOUS_REPORT("chart.cause.malicious_report"),
  CAUSE_VIOLATION("chart.cause.violation"),
  CAUSE_UNKNOWN("chart.cause.unknown");

  private final String key;

  Label(String key) {
    this.key = key;
  }

  /** Its words in a language, a {0} in them filled with {@code args} (a product's name). */
  String text(boolean zh, Object... args) {
    return Words.format(key, zh, args);
  }

  String zh() {
    return text(true);
  }

  String en() {
    return text(false);
  }
}
