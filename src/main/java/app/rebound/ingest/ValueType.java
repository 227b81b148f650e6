package app.rebound.ingest;

/** How a cell of an export is read. Every type treats "", "-" and "--" as missing. */
public enum ValueType {
  /**
   * A long id kept as an exact string: the leading tab Douyin adds is stripped, never parsed as a
   * number.
   */
  ID,
  /** Free text, kept as written. */
  TEXT,
  /** A whole number such as 商品数量. */
  INTEGER,
  /** Yuan, written 29.90 or ¥1,299.00; a header ending in (分) means fen. */
  MONEY,
  /** A plain decimal such as 店铺体验分. */
  DECIMAL,
  /** 2026-09-22 00:54:10 or 2026/07/22 11:00:21; a bare date means midnight. */
  DATETIME,
  /** 2026-09-22 or 2026/09/22; a date-time keeps its date. */
  DATE,
  /** 是/否, yes/no, true/false, 1/0. */
  FLAG
}
