package app.rebound;

import java.util.Properties;

/**
 * A measure's name as the pages print it ("平均评分", "Average rating"), for the layers that write
 * sentences naming measures (the plan's gaps) without depending on the web: read from the same
 * message bundles ({@code measure.<id>}), so a measure has one name everywhere.
 */
public final class MeasureNames {

  private static final Properties ZH = load("zh");
  private static final Properties EN = load("en");

  private MeasureNames() {}

  /** The measure's name in Chinese or English; an id the bundles lack is shown as it is. */
  public static String of(String id, boolean zh) {
    return (zh ? ZH : EN).getProperty("measure." + id, id);
  }

  private static Properties load(String lang) {
    return Resources.properties(
        MeasureNames.class, "/app/rebound/web/messages_" + lang + ".properties");
  }
}
