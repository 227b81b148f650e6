package app.rebound.accuracy;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Real shops cut from the UCI Online Retail sales: a window of 91 days before a deletion notice and
 * 28 after, and a product set of the retailer's regular sellers in that window, written as Rebound
 * reads a Douyin shop (订单明细.csv, 销量删除记录.csv; GBP as yuan). The notice deletes a share of the
 * affected products' orders of the 30 days before it, as a system error or malicious report does
 * (real, paid sales). A placebo changes nothing else: the true loss is zero. An injection removes a
 * known random share of the affected products' orders from the notice on: the true loss is exactly
 * the money of the removed orders.
 */
public final class RetailShops {

  public static final int PRE_DAYS = 91;
  public static final int POST_DAYS = 28;
  public static final int PRODUCTS = 24;

  /** A product sells on at least this share of the window's trading days to be drawn. */
  static final double REGULAR = 0.4;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * One real shop and what happens to it.
   *
   * @param notice the processing date of the deletion notice (first post-deletion day)
   * @param affected stock codes whose orders the notice deletes
   * @param controls the shop's other stock codes
   * @param deletedShare chance that an affected product's order of the 30 days before the notice is
   *     in the notice
   * @param injectedShare chance that an affected product's order from the notice on is removed (0:
   *     a placebo)
   */
  public record Draw(
      int index,
      long seed,
      LocalDate notice,
      List<String> affected,
      List<String> controls,
      double deletedShare,
      double injectedShare) {

    boolean placebo() {
      return injectedShare == 0;
    }

    LocalDate start() {
      return notice.minusDays(PRE_DAYS);
    }

    LocalDate end() {
      return notice.plusDays(POST_DAYS - 1L);
    }

    String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "draw %d: notice %s, %d affected (%s), %d controls, deleted %.0f%%, removed %.0f%%",
          index,
          notice,
          affected.size(),
          String.join(" ", affected),
          controls.size(),
          100 * deletedShare,
          100 * injectedShare);
    }
  }

  /** The exact loss an injection made: the money and the number of the orders removed. */
  public record Truth(BigDecimal gmvLoss, int ordersRemoved) {}

  private final RetailData.Lines lines;
  private final Map<String, TreeSet<LocalDate>> daysOf = new HashMap<>();
  private final TreeSet<LocalDate> tradingDays = new TreeSet<>();
  private final Map<String, Integer> codeIndex = new HashMap<>();

  public RetailShops(RetailData.Lines lines) {
    this.lines = lines;
    for (RetailData.Sale s : lines.sales()) {
      LocalDate day = s.at().toLocalDate();
      daysOf.computeIfAbsent(s.stockCode(), k -> new TreeSet<>()).add(day);
      tradingDays.add(day);
    }
    int i = 0;
    for (String code : new TreeSet<>(daysOf.keySet())) {
      codeIndex.put(code, i++);
    }
  }

  /**
   * n draws from the seed: notice dates uniform over the trading days that leave a full window, 1–3
   * affected products and the shop's other products among the window's regular sellers, 20–50% of
   * the affected products' recent orders in the notice; odd draws inject a loss of 15–45% of their
   * later orders, even draws are placebos.
   */
  public List<Draw> draws(int n, long seed) {
    List<LocalDate> notices =
        new ArrayList<>(
            tradingDays.subSet(
                tradingDays.first().plusDays(PRE_DAYS),
                true,
                tradingDays.last().minusDays(POST_DAYS - 1L),
                true));
    List<Draw> draws = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SplittableRandom r = new SplittableRandom(seed + 7919L * i);
      LocalDate notice = notices.get(r.nextInt(notices.size()));
      LocalDate start = notice.minusDays(PRE_DAYS);
      LocalDate end = notice.plusDays(POST_DAYS - 1L);
      int trading = tradingDays.subSet(start, true, end, true).size();
      List<String> regular = new ArrayList<>();
      for (String code : new TreeSet<>(daysOf.keySet())) {
        if (daysOf.get(code).subSet(start, true, end, true).size() >= REGULAR * trading) {
          regular.add(code);
        }
      }
      for (int j = regular.size() - 1; j > 0; j--) {
        int k = r.nextInt(j + 1);
        String t = regular.get(j);
        regular.set(j, regular.get(k));
        regular.set(k, t);
      }
      int size = Math.min(PRODUCTS, regular.size());
      int affected = Math.min(1 + r.nextInt(3), size - 2);
      if (affected < 1) {
        throw new IllegalStateException(
            "window around " + notice + " has only " + regular.size() + " regular products");
      }
      double deleted = 0.2 + 0.3 * r.nextDouble();
      double injected = i % 2 == 1 ? 0.15 + 0.3 * r.nextDouble() : 0;
      draws.add(
          new Draw(
              i,
              r.nextLong(),
              notice,
              List.copyOf(regular.subList(0, affected)),
              List.copyOf(regular.subList(affected, size)),
              deleted,
              injected));
    }
    return draws;
  }

  /**
   * Days every written time is moved forward: the transactions are from 2010–2011, before the
   * platform existed, and ingest refuses dates outside its lifetime. 730 whole weeks keep each
   * day's weekday.
   */
  static final long SHIFT_DAYS = 7 * 730;

  /** Writes the draw's exports into dir; returns the exact loss it injected. */
  public Truth write(Draw draw, Path dir) throws IOException {
    Files.createDirectories(dir);
    Set<String> affected = new HashSet<>(draw.affected());
    Set<String> shop = new HashSet<>(draw.controls());
    shop.addAll(affected);
    LocalDate deletedFrom = draw.notice().minusDays(30);
    String noticeId =
        "WG" + draw.notice().format(DateTimeFormatter.BASIC_ISO_DATE) + "R" + draw.index();
    BigDecimal loss = BigDecimal.ZERO.setScale(2);
    int removed = 0;
    Map<Long, RetailData.Sale> deleted = new TreeMap<>();
    CSVFormat csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    try (Writer w = Files.newBufferedWriter(dir.resolve("订单明细.csv"), StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, csv)) {
      out.printRecord(
          "主订单编号", "子订单编号", "选购商品", "商品数量", "商品ID", "商品单价", "订单应付金额", "订单提交时间", "支付完成时间", "订单状态",
          "售后状态");
      for (RetailData.Sale s : lines.sales()) {
        LocalDate day = s.at().toLocalDate();
        if (!shop.contains(s.stockCode())
            || day.isBefore(draw.start())
            || day.isAfter(draw.end())) {
          continue;
        }
        boolean hit = affected.contains(s.stockCode()) && !s.returned();
        if (hit
            && !day.isBefore(draw.notice())
            && chance(draw.seed(), s.line(), 1) < draw.injectedShare()) {
          loss = loss.add(s.amount());
          removed++;
          continue;
        }
        if (hit
            && !day.isBefore(deletedFrom)
            && day.isBefore(draw.notice())
            && chance(draw.seed(), s.line(), 2) < draw.deletedShare()) {
          deleted.put(s.line(), s);
        }
        out.printRecord(
            orderId(s),
            subOrderId(s),
            s.description().isEmpty() ? s.stockCode() : s.description(),
            s.quantity(),
            productId(s.stockCode()),
            s.unitPrice().toPlainString(),
            s.amount().toPlainString(),
            s.at().plusDays(SHIFT_DAYS).format(TIME),
            s.at().plusDays(SHIFT_DAYS).format(TIME),
            s.returned() ? "已关闭" : "已完成",
            s.returned() ? "退款成功" : "-");
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("销量删除记录.csv"), StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, csv)) {
      out.printRecord("子订单编号", "主订单编号", "商品ID", "处理时间", "违规单号");
      for (RetailData.Sale s : deleted.values()) {
        out.printRecord(
            subOrderId(s),
            orderId(s),
            productId(s.stockCode()),
            draw.notice().plusDays(SHIFT_DAYS).atTime(10, 0).format(TIME),
            noticeId);
      }
    }
    return new Truth(loss, removed);
  }

  /** A uniform draw fixed by the shop's seed, the line and the purpose. */
  private static double chance(long seed, long line, int purpose) {
    return new SplittableRandom(seed ^ (line * 0x9E3779B97F4A7C15L + purpose)).nextDouble();
  }

  /** 19 digits from the file line: each invoice line is one sub-order. */
  static String subOrderId(RetailData.Sale s) {
    return Long.toString(6_920_000_000_000_000_000L + s.line());
  }

  static String orderId(RetailData.Sale s) {
    return Long.toString(6_910_000_000_000_000_000L + Long.parseLong(s.invoice()));
  }

  String productId(String stockCode) {
    return Long.toString(3_600_000_000_000_000_000L + codeIndex.get(stockCode));
  }
}
