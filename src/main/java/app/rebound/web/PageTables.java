package app.rebound.web;

import app.rebound.advice.Assumption;
import app.rebound.advice.RankedAction;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealText;
import app.rebound.report.Table;
import app.rebound.report.Table.Cell;
import app.rebound.report.XlsxTables;
import app.rebound.service.ActionsTaken;
import app.rebound.store.Alert;
import app.rebound.store.AppealCase;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of each dashboard page as {@link Table}s, built from the record the page's template
 * renders: the same columns under the same headers, each cell holding the column's value typed
 * (hints printed small beneath a value stay on the page). Keyed by the table's id in its download
 * link, /shops/{shop}/{page}/tables/{id}.xlsx; the tests hold each against the page's HTML.
 */
final class PageTables {

  static final String TABLE_PARAM = "table";

  private PageTables() {}

  static Map<String, Table> traffic(Messages msg, Dashboards.Traffic d) {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put(
        "losses",
        losses(
            msg,
            msg.get("traffic.title"),
            List.of("visitors", "impressions", "gmv"),
            List.of(d.visitors(), d.impressions(), d.gmv())));
    tables.putAll(TrafficTables.of(msg, d));
    return tables;
  }

  static Map<String, Table> trust(Messages msg, Dashboards.Trust d) {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put(
        "conversion",
        losses(msg, msg.get("trust.conversion"), List.of("conversion"), List.of(d.conversion())));
    tables.put("measures", measures(msg, msg.get("trust.shop"), d.shop()));
    tables.putAll(productMeasures(msg, d.products()));
    return tables;
  }

  static Map<String, Table> partners(Messages msg, Dashboards.Partners d) {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("measures", measures(msg, msg.get("partners.shop"), d.shop()));
    tables.putAll(productMeasures(msg, d.products()));
    return tables;
  }

  static Map<String, Table> product(Messages msg, Dashboards.Product p) {
    return Map.of(
        "losses",
        losses(
            msg,
            msg.get("product.losses"),
            List.of("visitors", "impressions", "conversion", "gmv"),
            List.of(p.visitors(), p.impressions(), p.conversion(), p.gmv())),
        "trust",
        measures(msg, msg.get("product.trust"), p.trust()),
        "partnerships",
        measures(msg, msg.get("product.partnerships"), p.partnerships()));
  }

  static Map<String, Table> products(Messages msg, Dashboards.Products d) {
    List<String> header = new ArrayList<>();
    for (Dashboards.Sort sort : Dashboards.Sort.values()) {
      header.add(msg.get("products.col." + sort.param()));
      if (sort == Dashboards.Sort.NAME) {
        header.add(msg.get("products.col.id"));
      }
    }
    header.add(msg.get("products.col.orders"));
    header.add(msg.get("products.col.since"));
    List<List<Cell>> rows = new ArrayList<>();
    for (Dashboards.ProductLine row : d.rows()) {
      // in the order of Sort's values: name, share, visitors, gmv, trust
      rows.add(
          List.of(
              Cell.text(row.name().isBlank() ? row.productId() : row.name()),
              Cell.id(row.productId()),
              Cell.percent(row.deletedShare()),
              row.visitors().measured() ? loss(msg, row.visitors()) : Cell.EMPTY,
              row.gmv().measured() ? loss(msg, row.gmv()) : Cell.EMPTY,
              row.trust().measured()
                  ? level(row.trust().unit(), row.trust().estimate())
                  : Cell.EMPTY,
              Cell.count(row.deletedOrders()),
              Cell.date(row.deletedSince())));
    }
    return Map.of("products", new Table(msg.get("products.title"), header, rows));
  }

  static Map<String, Table> plan(Messages msg, Views.PlanView view) {
    Map<String, Table> tables = new LinkedHashMap<>();
    List<List<Cell>> actions = new ArrayList<>();
    for (RankedAction a : view.plan().actions()) {
      actions.add(
          List.of(
              Cell.count(a.rank()),
              Cell.text(msg.action(a.id())),
              Cell.money(a.expectedGmv()),
              Cell.money(a.cost()),
              Cell.money(a.net()),
              Cell.text(msg.getOr("effort." + a.effort(), a.effort())),
              Cell.percent(a.confidence()),
              Cell.text(a.gap())));
    }
    // The plan's horizon, as the page's own column says it.
    String expectedHeader = msg.format("plan.expected", view.plan().horizonDays());
    tables.put(
        "actions",
        new Table(
            msg.get("plan.actions"),
            List.of(
                msg.get("plan.rank"),
                msg.get("plan.action"),
                expectedHeader,
                msg.get("plan.cost"),
                msg.get("plan.net"),
                msg.get("plan.effort"),
                msg.get("plan.confidence"),
                msg.get("plan.why")),
            actions));
    List<List<Cell>> taken = new ArrayList<>();
    for (ActionsTaken.Row t : view.taken()) {
      RankedAction expected = view.expected(t.action());
      taken.add(
          List.of(
              Cell.text(msg.action(t.action())),
              Cell.date(t.startedOn()),
              t.effect().measured()
                  ? Cell.money(t.effect().gain())
                  : Cell.text(msg.reason(t.effect().reason())),
              expected == null ? Cell.EMPTY : Cell.money(expected.expectedGmv())));
    }
    tables.put(
        "taken",
        new Table(
            msg.get("plan.taken"),
            List.of(
                msg.get("plan.action"),
                msg.get("plan.taken.started"),
                msg.get("plan.taken.gain"),
                expectedHeader),
            taken));
    tables.put(
        "steps",
        new Table(
            msg.get("plan.steps"),
            headers(msg, "plan.when", "plan.action", "plan.step"),
            view.plan().steps().stream()
                .map(
                    s ->
                        List.of(
                            Cell.text(
                                s.start().equals(s.end())
                                    ? msg.date(s.start())
                                    : msg.date(s.start()) + " – " + msg.date(s.end())),
                            Cell.text(msg.action(s.actionId())),
                            Cell.text(s.text())))
                .toList()));
    List<List<Cell>> assumptions = new ArrayList<>();
    for (Assumption a : view.plan().assumptions()) {
      assumptions.add(
          List.of(
              Cell.id(a.key()),
              Cell.plain(a.value()),
              Cell.text(a.description()),
              Cell.text(a.source())));
    }
    tables.put(
        "assumptions",
        new Table(
            msg.get("plan.assumptions"),
            headers(msg, "plan.key", "plan.value", "plan.meaning", "plan.source"),
            assumptions));
    return tables;
  }

  static Map<String, Table> appeal(Messages msg, AppealViews.Workbench d) {
    List<List<Cell>> refused = new ArrayList<>();
    for (AppealViews.OrderRow o : d.doNotAppeal()) {
      refused.add(
          List.of(
              Cell.id(o.order().orderId()),
              Cell.id(o.order().batch()),
              Cell.text(o.order().productName()),
              Cell.money(o.order().amount()),
              Cell.text(String.join(msg.get("list.separator"), o.reasons()))));
    }
    return Map.of(
        "open",
        appealGroups(msg, msg.get("appeal.open"), d.open()),
        "closed",
        appealGroups(msg, msg.get("appeal.closed"), d.closed()),
        "refused",
        new Table(
            msg.get("appeal.refused"),
            headers(
                msg,
                "appeal.order",
                "appeal.batch",
                "appeal.product",
                "appeal.amount",
                "appeal.why_not"),
            refused));
  }

  static Map<String, Table> appealGroup(Messages msg, AppealViews.GroupDetail d) {
    List<String> header =
        new ArrayList<>(
            headers(
                msg,
                "appeal.order",
                "appeal.paid",
                "appeal.amount",
                "appeal.tracking",
                "appeal.score",
                "appeal.verdict"));
    // the proofs' columns, as the page takes them from the first order
    if (!d.orders().isEmpty()) {
      d.orders().get(0).checks().forEach(c -> header.add(msg.get("proof.short." + c.code())));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (AppealViews.OrderRow o : d.orders()) {
      List<Cell> row =
          new ArrayList<>(
              List.of(
                  Cell.id(o.order().orderId()),
                  Cell.dateTime(o.order().paidAt()),
                  Cell.money(o.order().amount()),
                  Cell.id(o.order().trackingNumber()),
                  Cell.percent(o.order().score()),
                  Cell.text(msg.get("verdict." + o.order().verdict()))));
      o.checks().forEach(c -> row.add(Cell.text(msg.get("check." + c.state()))));
      rows.add(row);
    }
    return Map.of("orders", new Table(msg.get("appeal.orders.title"), header, rows));
  }

  static Map<String, Table> cases(Messages msg, Views.CaseList d) {
    return Map.of(
        "due",
        cases(msg, msg.get("cases.due"), d.due()),
        "all",
        cases(msg, msg.get("cases.all"), d.all()));
  }

  static Map<String, Table> alerts(Messages msg, List<Alert> alerts) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Alert a : alerts) {
      // one line per webhook, as the page lists them
      List<String> deliveries = new ArrayList<>();
      for (Alert.Delivery d : a.deliveries()) {
        deliveries.add(
            msg.get("alerts.state." + d.state())
                + " · "
                + msg.format("alerts.attempts", d.attempts())
                + (d.lastError() == null ? "" : " · " + d.lastError()));
      }
      rows.add(
          List.of(
              Cell.dateTime(a.raisedAt()),
              Cell.text(msg.get("alerts.kind." + a.kind())),
              Cell.text(a.text(msg.lang() == Lang.ZH)),
              Cell.text(String.join("\n", deliveries))));
    }
    return Map.of(
        "alerts",
        new Table(
            msg.get("alerts.title"),
            headers(msg, "alerts.raised_at", "alerts.kind", "alerts.text", "alerts.delivery"),
            rows));
  }

  /**
   * Answers the table the path names as an .xlsx attachment, named scope-table-period (letters,
   * digits, - and _ kept, so the name needs no quoting); or 404 naming the tables the page has.
   */
  static void send(Context ctx, Map<String, Table> tables, String scope, String period)
      throws IOException {
    String file = ctx.pathParam(TABLE_PARAM);
    String id = file.endsWith(".xlsx") ? file.substring(0, file.length() - ".xlsx".length()) : "";
    Table table = tables.get(id);
    if (table == null) {
      throw new NotFoundResponse(
          "no table \"" + file + "\" here: use one of " + tables.keySet() + " with .xlsx");
    }
    String name = scope + "-" + id + (period.isEmpty() ? "" : "-" + period);
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "_") + ".xlsx";
    ctx.contentType(XlsxTables.CONTENT_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
    XlsxTables.write(table, ctx.outputStream());
  }

  // ---- the tables several pages share ----

  /** tag/loss_table.jte */
  private static Table losses(
      Messages msg, String name, List<String> ids, List<Dashboards.LossView> losses) {
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Dashboards.LossView loss = losses.get(i);
      Cell what = Cell.text(msg.getOr("loss." + ids.get(i), ids.get(i)));
      if (!loss.measured()) {
        // the page spans the reason over the other four columns
        rows.add(
            List.of(
                what, Cell.text(msg.reason(loss.reason())), Cell.EMPTY, Cell.EMPTY, Cell.EMPTY));
        continue;
      }
      Double expected = loss.expected();
      rows.add(
          List.of(
              what,
              loss(msg, loss),
              Cell.text(msg.lossRange(loss)),
              expected == null
                  ? Cell.EMPTY
                  : "yuan".equals(loss.unit()) ? Cell.money(expected) : Cell.count(expected),
              Cell.text(loss.fit() != null ? msg.fit(loss.fit()) : loss.calibration())));
    }
    return new Table(
        name,
        headers(
            msg,
            "loss.col.what",
            "loss.col.loss",
            "loss.col.range",
            "loss.col.expected",
            "loss.col.fit"),
        rows);
  }

  /** tag/measure_table.jte */
  private static Table measures(Messages msg, String name, List<Dashboards.MeasureView> measures) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Dashboards.MeasureView m : measures) {
      rows.add(
          List.of(
              Cell.text(msg.getOr("measure." + m.id(), m.id())),
              level(m.unit(), m.before()),
              level(m.unit(), m.after()),
              m.measured() ? level(m.unit(), m.estimate()) : Cell.text(msg.reason(m.reason())),
              m.measured() ? Cell.text(msg.changeRange(m.unit(), m.low(), m.high())) : Cell.EMPTY));
    }
    return new Table(
        name,
        headers(
            msg,
            "measure.col.name",
            "measure.col.before",
            "measure.col.after",
            "measure.col.effect",
            "measure.col.range"),
        rows);
  }

  /** tag/product_measures.jte: one table per product, "product-{id}". */
  private static Map<String, Table> productMeasures(
      Messages msg, List<Dashboards.ProductMeasures> products) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Dashboards.ProductMeasures p : products) {
      String name = msg.get("measure.per_product") + " " + p.productId();
      tables.put("product-" + p.productId(), measures(msg, name, p.measures()));
    }
    return tables;
  }

  /** tag/case_table.jte */
  private static Table cases(Messages msg, String name, List<AppealCase> cases) {
    List<List<Cell>> rows = new ArrayList<>();
    for (AppealCase c : cases) {
      rows.add(
          List.of(
              Cell.text("#" + c.id()),
              Cell.id(c.batch()),
              Cell.id(c.productId()),
              Cell.text(AppealText.reason(c.reason(), msg.lang().code())),
              Cell.count(c.orders().size()),
              Cell.text(msg.get("case.status." + c.status().code())),
              Cell.date(c.followUpOn()),
              Cell.count(c.restoredOrders().size())));
    }
    return new Table(
        name,
        headers(
            msg,
            "case.id",
            "appeal.batch",
            "appeal.product",
            "appeal.reason",
            "appeal.orders",
            "case.status",
            "case.follow_up",
            "case.restored"),
        rows);
  }

  /** tag/appeal_groups.jte */
  private static Table appealGroups(Messages msg, String name, List<AppealViews.GroupRow> groups) {
    List<List<Cell>> rows = new ArrayList<>();
    for (AppealViews.GroupRow r : groups) {
      AppealGroup g = r.group();
      rows.add(
          List.of(
              Cell.text(msg.deadline(g.deadline())), // stated as on the page: its last minute
              Cell.text(g.productName().isBlank() ? g.productId() : g.productName()),
              Cell.id(g.productId()),
              Cell.text(r.reasonText()),
              Cell.count(g.orders().size()),
              Cell.money(g.money()),
              Cell.text(
                  g.from() == null ? null : msg.dateTime(g.from()) + " – " + msg.dateTime(g.to())),
              Cell.id(g.batch())));
    }
    return new Table(
        name,
        headers(
            msg,
            "appeal.deadline",
            "appeal.product",
            "appeal.product_id",
            "appeal.reason",
            "appeal.orders",
            "appeal.money",
            "appeal.range",
            "appeal.batch"),
        rows);
  }

  /**
   * A loss as the page shows it: the amount (money or a count); or the page's words when the range
   * holds zero or lies below it, as the point is then no damage.
   */
  static Cell loss(Messages msg, Dashboards.LossView loss) {
    if (loss.noMeasurableLoss() || loss.aboveExpected()) {
      return Cell.text(msg.loss(loss));
    }
    return "yuan".equals(loss.unit()) ? Cell.money(loss.loss()) : Cell.count(loss.loss());
  }

  /** A measure's level or change in its unit, as {@link Messages#level} shows it. */
  static Cell level(String unit, Double value) {
    return switch (unit == null ? "" : unit) {
      case "share" -> Cell.percent(value);
      case "stars", "score" -> Cell.decimal(value);
      case "yuan_per_day", "yuan" -> Cell.money(value);
      default -> Cell.number(value);
    };
  }

  static List<String> headers(Messages msg, String... keys) {
    return Arrays.stream(keys).map(msg::get).toList();
  }
}
