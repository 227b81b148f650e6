package app.rebound.web;

import app.rebound.analysis.ChannelImpact;
import app.rebound.analysis.CompassExports;
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
    CompassExports.Result compass = d.compass();
    if (compass.sources().measured()) {
      tables.put("traffic-sources", sources(msg, compass.sources()));
    }
    if (compass.shopTraffic().measured()) {
      tables.put("shop-traffic", shopTraffic(msg, compass.shopTraffic()));
    }
    if (compass.dealProducts().measured()) {
      tables.put("deal-products", dealProducts(msg, compass.dealProducts()));
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

  /** The unit a 成交概览 figure is shown in: yuan for GMV, else a count per day. */
  public static String shopTrafficUnit(CompassExports.Change row) {
    return row.id().equals("gmv") ? "yuan" : null;
  }

  /** A plain change (after ÷ before − 1) as the channels show theirs: +12.0%, -40.5%, "—". */
  public static String change(Messages msg, Double change) {
    return relative(msg, change == null ? null : 1 + change);
  }

  private static Table shopTraffic(Messages msg, CompassExports.ShopTraffic t) {
    List<List<Cell>> rows = new ArrayList<>();
    for (CompassExports.Change row : t.rows()) {
      String unit = shopTrafficUnit(row);
      rows.add(
          List.of(
              Cell.text(msg.get("compass.row." + row.id())),
              PageTables.level(unit, row.before()),
              PageTables.level(unit, row.after()),
              row.change() == null ? Cell.EMPTY : Cell.text(change(msg, row.change()))));
    }
    return new Table(
        msg.get("compass.shop.sheet"),
        PageTables.headers(
            msg,
            "compass.col.measure",
            "compass.col.before",
            "compass.col.after",
            "compass.col.change"),
        rows);
  }

  private static Table sources(Messages msg, CompassExports.Sources s) {
    List<List<Cell>> rows = new ArrayList<>();
    for (CompassExports.SourceRow row : s.rows()) {
      rows.add(
          List.of(
              Cell.text(channelName(msg, row.channel())),
              Cell.text(channelName(msg, row.subChannel())),
              Cell.count(row.impressions()),
              Cell.count(row.visitors()),
              Cell.percent(row.clickRate()),
              Cell.money(row.gmv()),
              Cell.count(row.buyers()),
              Cell.percent(row.conversionRate())));
    }
    return new Table(
        msg.get("compass.sources.sheet"), PageTables.headers(msg, SOURCE_COLUMNS), rows);
  }

  /** The columns of the 流量来源 table, as tag/compass_sources.jte heads them. */
  public static final String[] SOURCE_COLUMNS = {
    "compass.col.channel",
    "compass.col.sub_channel",
    "compass.col.impressions",
    "compass.col.visitors",
    "compass.col.click_rate",
    "compass.col.gmv",
    "compass.col.buyers",
    "compass.col.conversion"
  };

  /** The columns of the 商品构成 table, as tag/compass_products.jte heads them. */
  public static final String[] DEAL_PRODUCT_COLUMNS = {
    "compass.col.product",
    "compass.col.product_id",
    "compass.col.deal_gmv",
    "compass.col.orders_gmv",
    "compass.col.days_lacking",
    "compass.col.gmv_lacking",
    "compass.col.refunds"
  };

  private static Table dealProducts(Messages msg, CompassExports.DealProducts d) {
    List<List<Cell>> rows = new ArrayList<>();
    for (CompassExports.DealProduct row : d.rows()) {
      rows.add(
          List.of(
              Cell.text(row.name()),
              Cell.id(row.productId()),
              Cell.money(row.gmv()),
              Cell.money(row.ordersGmv()),
              Cell.count(row.daysOrdersLack()),
              Cell.money(row.gmvOrdersLack()),
              Cell.money(row.refunds())));
    }
    return new Table(
        msg.get("compass.products.sheet"), PageTables.headers(msg, DEAL_PRODUCT_COLUMNS), rows);
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
        cells.add(Cell.text(msg.reason(row.loss().reason())));
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
        cells.add(Cell.text(msg.reason(s.reason())));
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
