package app.rebound.web;

import app.rebound.ingest.ValueType;
import app.rebound.report.Table;
import app.rebound.service.RowLists;
import app.rebound.store.RowView;
import app.rebound.store.ShopDatabase;
import app.rebound.store.Workspaces;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drill-down lists: the stored rows behind a figure (orders, deleted orders, reviews,
 * affiliates), 50 a page, sorted and searched in the database ({@link RowLists}). A page, its JSON
 * twin and its .xlsx download read the same parameters.
 */
final class RowPages {

  static final String KIND_PARAM = "kind";

  private final Workspaces workspaces;
  private final Templates templates;
  private final List<NavEntry> nav;

  RowPages(Workspaces workspaces, Templates templates, List<NavEntry> nav) {
    this.workspaces = workspaces;
    this.templates = templates;
    this.nav = nav;
  }

  /** The path of a list, with the given filters (null or blank ones left out). */
  static String path(String shop, String kind, String q, String product, String notice) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("product", product);
    params.put("notice", notice);
    return ShopPages.shopPath(shop) + "/rows/" + kind + query(params);
  }

  /** GET /shops/{shop}/rows/{kind} */
  void page(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    RowLists.Checked request = RowLists.check(request(ctx));
    RowLists.Page page = RowLists.read(workspaces.database(shop), request);
    Messages msg = Messages.of(Lang.of(ctx));
    templates.respond(ctx, "rows.jte", view(ctx, msg, shop, page));
  }

  /** GET /api/shops/{shop}/rows/{kind}: items (objects by column), total, page, pages. */
  void api(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    RowLists.Page page = RowLists.read(workspaces.database(shop), RowLists.check(request(ctx)));
    List<Map<String, Object>> items = new ArrayList<>();
    List<RowView.Column> columns = page.request().view().columns();
    for (List<Object> row : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        item.put(columns.get(i).name(), row.get(i));
      }
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("total", page.total());
    body.put("page", page.request().page());
    body.put("pages", page.pages());
    ctx.json(body);
  }

  /** GET /shops/{shop}/rows/{kind}/tables/rows.xlsx: the whole filtered list, bounded. */
  void table(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    RowLists.Checked request = RowLists.check(request(ctx));
    Messages msg = Messages.of(Lang.of(ctx));
    List<RowView.Column> columns = request.view().columns();
    List<List<Table.Cell>> rows = new ArrayList<>();
    ShopDatabase db = workspaces.database(shop);
    RowLists.eachRow(db, request, row -> rows.add(cells(msg, columns, row)));
    List<String> header = columns.stream().map(c -> msg.get("rows.col." + c.name())).toList();
    Table table = new Table(msg.get("rows.title." + request.view().id()), header, rows);
    PageTables.send(ctx, Map.of("rows", table), shop + "-" + request.view().id(), "");
  }

  private static RowLists.Request request(Context ctx) {
    return new RowLists.Request(
        ctx.pathParam(KIND_PARAM),
        ctx.queryParam("q"),
        ctx.queryParam("product"),
        ctx.queryParam("notice"),
        ctx.queryParam("sort"),
        ctx.queryParam("dir"),
        ctx.queryParam("page"));
  }

  private RowListView view(Context ctx, Messages msg, String shop, RowLists.Page page) {
    RowLists.Checked r = page.request();
    String kind = r.view().id();
    String base = ShopPages.shopPath(shop) + "/rows/" + kind;
    List<RowListView.Header> headers = new ArrayList<>();
    for (RowView.Column c : r.view().columns()) {
      boolean current = c.equals(r.sort());
      // A click on the sorted column turns its order round; on another, sorts by it ascending.
      String dir = current && !r.descending() ? "desc" : "asc";
      headers.add(
          new RowListView.Header(
              msg.get("rows.col." + c.name()),
              base + query(filters(r, c.name(), dir, null)),
              current ? (r.descending() ? "desc" : "asc") : ""));
    }
    List<List<RowListView.Cell>> rows = new ArrayList<>();
    for (List<Object> row : page.items()) {
      List<RowListView.Cell> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        RowView.Column c = r.view().columns().get(i);
        cells.add(new RowListView.Cell(text(msg, c.type(), row.get(i)), c.type() == ValueType.ID));
      }
      rows.add(cells);
    }
    String sort = r.sort().name();
    String dir = r.descending() ? "desc" : "asc";
    return new RowListView(
        Chrome.of(ctx, msg, nav, msg.get("rows.title." + kind), base, shop, 0),
        shop,
        kind,
        base,
        List.of(orEmpty(r.search()), orEmpty(r.product()), orEmpty(r.notice())),
        r.view().hasNotice(),
        msg.get("rows.search." + r.view().searchedField()),
        headers,
        rows,
        page.total(),
        r.page(),
        page.pages(),
        r.page() > 1
            ? base + query(filters(r, sort, dir, Math.min(r.page(), page.pages() + 1) - 1))
            : null,
        r.page() < page.pages() ? base + query(filters(r, sort, dir, r.page() + 1)) : null,
        base + "/tables/rows.xlsx" + query(filters(r, sort, dir, null)));
  }

  private static Map<String, String> filters(
      RowLists.Checked r, String sort, String dir, Long page) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", r.search());
    params.put("product", r.product());
    params.put("notice", r.notice());
    params.put("sort", sort);
    params.put("dir", dir);
    params.put("page", page == null || page == 1 ? null : page.toString());
    return params;
  }

  private static String query(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    for (var p : params.entrySet()) {
      if (p.getValue() != null && !p.getValue().isBlank()) {
        out.append(out.isEmpty() ? "?" : "&")
            .append(p.getKey())
            .append('=')
            .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String text(Messages msg, ValueType type, Object value) {
    if (value == null) {
      return "";
    }
    return switch (type) {
      case MONEY -> msg.money((Double) value);
      case DATETIME -> msg.dateTime((LocalDateTime) value);
      case DATE -> msg.date((LocalDate) value);
      case FLAG -> msg.get((Boolean) value ? "rows.yes" : "rows.no");
      case INTEGER -> msg.number((Integer) value);
      default -> value.toString();
    };
  }

  private static Table.Cell cell(Messages msg, ValueType type, Object value) {
    return switch (type) {
      case ID -> Table.Cell.id((String) value);
      case MONEY -> Table.Cell.money((Double) value);
      case INTEGER -> Table.Cell.count((Integer) value);
      case DATETIME -> new Table.Cell(Table.Kind.DATE_TIME, value);
      case DATE -> new Table.Cell(Table.Kind.DATE, value);
      case FLAG -> Table.Cell.text(value == null ? null : text(msg, type, value));
      case DECIMAL -> new Table.Cell(Table.Kind.NUMBER, value);
      case TEXT -> Table.Cell.text((String) value);
    };
  }

  private static List<Table.Cell> cells(
      Messages msg, List<RowView.Column> columns, List<Object> row) {
    List<Table.Cell> cells = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      cells.add(cell(msg, columns.get(i).type(), row.get(i)));
    }
    return cells;
  }
}
