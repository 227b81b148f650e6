package app.rebound.web;

import app.rebound.analysis.ChannelImpact;
import app.rebound.report.Table;
import app.rebound.report.Table.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channel and funnel tables of /traffic as downloads (tag/channels.jte, tag/funnel.jte,
 * tag/funnel_rates.jte): the same columns and cells the page shows.
 */
public final class TrafficTables {

  private static final String[] ARMS = {
    "channels.col.affected_before",
    "channels.col.affected_after",
    "channels.col.unaffected_before",
    "channels.col.unaffected_after"
  };

  private TrafficTables() {}

  static Map<String, Table> of(Messages msg, Dashboards.Traffic d) {
    Map<String, Table> tables = new LinkedHashMap<>();
    if (d.channels().measured()) {
      for (Dashboards.ChannelDimension dim : d.channels().dimensions()) {
        tables.put("channels-" + dim.id(), channels(msg, dim));
      }
    }
    Dashboards.FunnelView f = d.funnel();
    if (f.measured()) {
      tables.put("funnel-counts", counts(msg, f));
      tables.put("funnel-rates", rates(msg, msg.get("funnel.col.step"), f.shop()));
      for (Dashboards.ProductFunnel p : f.products()) {
        String name = msg.get("measure.per_product") + " " + p.productId();
        tables.put("funnel-product-" + p.productId(), rates(msg, name, p.steps()));
      }
    }
    return tables;
  }

  /** The channel's name as the page writes it. */
  public static String channelName(Messages msg, String value) {
    if (value.isEmpty()) {
      return msg.get("channels.blank");
    }
    return ChannelImpact.OTHER.equals(value) ? msg.get("channels.other") : value;
  }

  /** The ratio of ratios as a signed percentage change: +12.0%, -40.5%; "—" without one. */
  public static String relative(Messages msg, Double ratio) {
    return ratio == null ? "—" : (ratio >= 1 ? "+" : "") + msg.percent(ratio - 1);
  }

  private static Table channels(Messages msg, Dashboards.ChannelDimension dim) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Dashboards.ChannelRow row : dim.channels()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(channelName(msg, row.value())));
      for (double v :
          new double[] {
            row.affectedBefore(), row.affectedAfter(), row.unaffectedBefore(), row.unaffectedAfter()
          }) {
        cells.add(PageTables.level(null, v));
      }
      cells.add(row.ratio() == null ? Cell.EMPTY : Cell.text(relative(msg, row.ratio())));
      if (row.loss().measured()) {
        cells.add(PageTables.loss(msg, row.loss()));
        cells.add(Cell.text(msg.lossRange(row.loss())));
      } else {
        cells.add(Cell.text(msg.reason(row.loss().message())));
        cells.add(Cell.EMPTY);
      }
      rows.add(cells);
    }
    List<String> header = new ArrayList<>();
    header.add(msg.get("channels.col.value"));
    header.addAll(PageTables.headers(msg, ARMS));
    header.addAll(
        PageTables.headers(msg, "channels.col.relative", "channels.col.loss", "loss.col.range"));
    return new Table(msg.getOr("channels.dim." + dim.id(), dim.label()), header, rows);
  }

  private static Table counts(Messages msg, Dashboards.FunnelView f) {
    List<List<Cell>> rows = new ArrayList<>();
    for (String stage : List.of("impressions", "visitors", "paid", "completed", "refunded")) {
      rows.add(
          List.of(
              Cell.text(msg.get("funnel.stage." + stage)),
              PageTables.level(null, f.perDay(stage, true, false)),
              PageTables.level(null, f.perDay(stage, true, true)),
              PageTables.level(null, f.perDay(stage, false, false)),
              PageTables.level(null, f.perDay(stage, false, true))));
    }
    List<String> header = new ArrayList<>();
    header.add(msg.get("funnel.col.stage"));
    header.addAll(PageTables.headers(msg, ARMS));
    return new Table(msg.get("funnel.col.stage"), header, rows);
  }

  private static Table rates(Messages msg, String name, List<Dashboards.FunnelStep> steps) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Dashboards.FunnelStep s : steps) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(msg.getOr("funnel." + s.id(), s.id())));
      cells.add(Cell.percent(s.affected() == null ? null : s.affected().before()));
      cells.add(Cell.percent(s.affected() == null ? null : s.affected().after()));
      cells.add(Cell.percent(s.unaffected() == null ? null : s.unaffected().before()));
      cells.add(Cell.percent(s.unaffected() == null ? null : s.unaffected().after()));
      if (s.measured()) {
        cells.add(Cell.percent(s.estimate()));
        cells.add(Cell.text(msg.changeRange("share", s.low(), s.high())));
      } else {
        cells.add(Cell.text(msg.reason(s.message())));
        cells.add(Cell.EMPTY);
      }
      rows.add(cells);
    }
    List<String> header = new ArrayList<>();
    header.add(msg.get("funnel.col.step"));
    header.addAll(PageTables.headers(msg, ARMS));
    header.addAll(PageTables.headers(msg, "measure.col.effect", "measure.col.range"));
    return new Table(name, header, rows);
  }
}
