package app.rebound.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 罗盘 exports built with POI as the tests need them: the 成交分析 workbook with its 11 sheets, and a
 * 商品卡流量来源 file. Headers as shared/docs/douyin-exports.md gives them, some with a unit suffix or cut
 * short as real downloads arrive.
 */
public final class CompassFiles {

  public static final List<String> DEAL_SHEETS =
      List.of(
          "成交概览", "自营成交", "合作成交", "载体构成", "账号构成", "单载体构成", "终端构成", "品类构成", "商品构成", "价格带构成", "人群构成");

  static final Object[] OVERVIEW_HEADER = {
    "日期", "载体类型", "商品曝光人数", "商品点击人数", "商品曝光-点击转化率(人数)", "商品点击-成交转化率(人数)", "成交金额（元）", "退款率(支付时间)"
  };

  static final Object[] PRODUCTS_HEADER = {
    "日期", "商品名称", "商品编号", "载体类型", "用户支付金额(元)", "成交笔单价(元)", "商品点击-成交转化率(次数", "退款金额（元）", "退款率(支付时间"
  };

  static final Object[] SOURCES_HEADER = {
    "一级渠道", "二级渠道", "商品卡曝光人数", "商品卡点击人数", "商品卡点击率", "用户支付金额(元)", "成交人数", "点击-成交转化率"
  };

  private CompassFiles() {}

  /**
   * The workbook over {@code from}..{@code to}: 成交概览 has two 载体类型 a day (直播 with 1,000 exposed and
   * 100 clicking until {@code drop}, half from it on; 商品卡 with 500 and 40 every day) and a 全部 row
   * at the end; 商品构成 one row a day for each product, ¥10 through 直播.
   */
  public static byte[] dealWorkbook(
      LocalDate from, LocalDate to, LocalDate drop, List<String> products) throws IOException {
    List<Object[]> overview = new ArrayList<>();
    overview.add(OVERVIEW_HEADER);
    List<Object[]> perProduct = new ArrayList<>();
    perProduct.add(PRODUCTS_HEADER);
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      int live = day.isBefore(drop) ? 1000 : 500;
      int liveClicks = day.isBefore(drop) ? 100 : 50;
      overview.add(new Object[] {day.toString(), "直播", live, liveClicks, 0.1, 0.05, 300.0, 0.02});
      overview.add(new Object[] {day.toString(), "商品卡", 500, 40, 0.08, 0.05, 200.0, 0.01});
      for (String product : products) {
        perProduct.add(
            new Object[] {
              day.toString(), "商品 " + product, product, "直播", 10.0, 10.0, 0.05, 1.0, 0.1
            });
      }
    }
    overview.add(new Object[] {"全部", "全部", 99999, 9999, 0.1, 0.05, 99999.0, 0.02});
    List<Object[][]> sheets = new ArrayList<>();
    for (String sheet : DEAL_SHEETS) {
      sheets.add(
          switch (sheet) {
            case "成交概览" -> overview.toArray(Object[][]::new);
            case "商品构成" -> perProduct.toArray(Object[][]::new);
            // Part of the shop under 成交概览's own columns: must not be read as the whole.
            case "自营成交", "合作成交" ->
                new Object[][] {
                  OVERVIEW_HEADER, {from.toString(), "直播", 10, 1, 0.1, 0.1, 5.0, 0.0}
                };
            default -> new Object[][] {{"载体类型", "成交金额", "占比"}, {"直播", 300.0, 0.6}};
          });
    }
    return ExportFilesTest.workbook(DEAL_SHEETS, sheets.toArray(Object[][][]::new));
  }

  /** A traffic-source file: 搜索 and 推荐 under 自然流量, {@code scale} times 1,000 exposed each. */
  public static byte[] sourcesWorkbook(int scale) throws IOException {
    return ExportFilesTest.workbook(
        new Object[][] {
          SOURCES_HEADER,
          {"自然流量", "搜索", 1000 * scale, 80 * scale, 0.08, 500.0 * scale, 10 * scale, 0.125},
          {"自然流量", "推荐", 2000 * scale, 100 * scale, 0.05, 300.0 * scale, 5 * scale, 0.05},
          {"付费流量", "-", 300 * scale, 9 * scale, 0.03, 90.0 * scale, 1 * scale, "11.11%"}
        });
  }
}
