package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.rebound.ingest.ColumnNames;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The products deleted on one day share one choice of controls (it is made once for them), and it
 * is the choice Controls.select makes for each of them; another day gets its own.
 */
class ControlChoiceTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 1);

  /** 12 products over 90 days; the later ones grow, so the choice differs by deletion day. */
  private static DailyPanel panel() {
    Random random = new Random(7);
    Table daily =
        Table.create(
            StringColumn.create(ColumnNames.PRODUCT_ID),
            DateColumn.create(ColumnNames.DATE),
            DoubleColumn.create("gmv"));
    for (int p = 0; p < 12; p++) {
      for (int d = 0; d < 90; d++) {
        double level = p < 6 ? 100 + 10 * p : (d < 40 ? 5 : 50 + 20 * p);
        daily.stringColumn(ColumnNames.PRODUCT_ID).append("p" + p);
        daily.dateColumn(ColumnNames.DATE).append(START.plusDays(d));
        daily.doubleColumn("gmv").append(level * (0.8 + 0.4 * random.nextDouble()));
      }
    }
    return DailyPanel.of(daily, "gmv");
  }

  private static void assertSameChoice(Controls.Selection expected, Controls.Selection actual) {
    assertEquals(expected.names(), actual.names());
    assertEquals(expected.leftOut(), actual.leftOut());
    assertEquals(expected.pooled(), actual.pooled());
    assertEquals(expected.series().length, actual.series().length);
    for (int j = 0; j < expected.series().length; j++) {
      assertArrayEquals(expected.series()[j], actual.series()[j]);
    }
  }

  @Test
  void products_deleted_on_one_day_share_the_choice_controls_select_makes_for_each() {
    DailyPanel panel = panel();
    List<String> candidates = List.of("p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11");
    SeriesImpact.ControlChoice choice = SeriesImpact.products("gmv");

    Controls.Selection a = choice.of(panel, "p0", candidates, 30);
    Controls.Selection b = choice.of(panel, "p1", candidates, 30);
    Controls.Selection later = choice.of(panel, "p1", candidates, 60);

    assertSame(a, b, "one choice for the products deleted on one day");
    assertSameChoice(Controls.select(panel, "gmv", candidates, 30), a);
    assertSameChoice(Controls.select(panel, "gmv", candidates, 60), later);
    assertNotEquals(a.names(), later.names(), "a later day has other controls active before it");
    assertSameChoice(
        Controls.select(panel, "gmv", candidates.subList(0, 5), 30),
        choice.of(panel, "p0", candidates.subList(0, 5), 30));
  }
}
