package app.rebound.report;

import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactReport.BatchRow;
import java.awt.Color;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeTableXYDataset;

/** The deletion batches as bars by date (orders deleted), stacked and coloured by likely cause. */
final class DeletionsChart {

  /** The causes in the order of the legend, each with its colour. */
  static final Map<String, Label> CAUSES = new LinkedHashMap<>();

  static final Map<String, Color> COLOURS =
      Map.of(
          BatchCause.SYSTEM_ERROR,
          new Color(0x1F5FA8),
          BatchCause.MALICIOUS_REPORT,
          new Color(0xD0461F),
          BatchCause.VIOLATION,
          new Color(0x7A5195),
          "",
          new Color(0x999999));

  static {
    CAUSES.put(BatchCause.SYSTEM_ERROR, Label.CAUSE_SYSTEM_ERROR);
    CAUSES.put(BatchCause.MALICIOUS_REPORT, Label.CAUSE_MALICIOUS_REPORT);
    CAUSES.put(BatchCause.VIOLATION, Label.CAUSE_VIOLATION);
    CAUSES.put("", Label.CAUSE_UNKNOWN);
  }

  /** Orders per day and cause; causes lists the cause codes present, in legend order. */
  record Dataset(TimeTableXYDataset bars, List<String> causes, LocalDate first, LocalDate last) {}

  private DeletionsChart() {}

  static String causeCode(String likelyCause) {
    return likelyCause != null && CAUSES.containsKey(likelyCause) ? likelyCause : "";
  }

  /** Null when there are no batches. */
  static Dataset createDataset(List<BatchRow> batches, Labels labels) {
    if (batches.isEmpty()) {
      return null;
    }
    Map<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
    for (BatchRow b : batches) {
      byDay
          .computeIfAbsent(b.date(), d -> new LinkedHashMap<>())
          .merge(causeCode(b.likelyCause()), b.orders(), Integer::sum);
    }
    List<String> present =
        CAUSES.keySet().stream()
            .filter(c -> byDay.values().stream().anyMatch(m -> m.containsKey(c)))
            .toList();
    TimeTableXYDataset bars = new TimeTableXYDataset(Labels.ZONE, labels.locale());
    for (Map.Entry<LocalDate, Map<String, Integer>> e : byDay.entrySet()) {
      LocalDate d = e.getKey();
      Day day = new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
      for (String cause : present) {
        bars.add(day, e.getValue().getOrDefault(cause, 0), labels.text(CAUSES.get(cause)), false);
      }
    }
    return new Dataset(
        bars,
        present,
        ((TreeMap<LocalDate, ?>) byDay).firstKey(),
        ((TreeMap<LocalDate, ?>) byDay).lastKey());
  }

  static JFreeChart createChart(Dataset dataset, ChartText text, Labels labels) {
    StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.15);
    DateAxis dates = Charts.dateAxis(labels);
    // A few days either side, and at least two weeks, so a single batch is a bar and not the whole
    // plot.
    LocalDate from = dataset.first().minusDays(3);
    LocalDate to = dataset.last().plusDays(4);
    if (to.isBefore(from.plusDays(14))) {
      to = from.plusDays(14);
    }
    dates.setRange(Charts.x(from), Charts.x(to));
    XYPlot plot = new XYPlot(dataset.bars(), dates, Charts.valueAxis(text), renderer);
    JFreeChart chart = Charts.chart(plot, text, true);
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    for (int i = 0; i < dataset.causes().size(); i++) {
      renderer.setSeriesPaint(i, COLOURS.get(dataset.causes().get(i)));
    }
    return chart;
  }
}
