package app.rebound.analysis;

/**
 * One measured fact about a deletion batch, as a sentence a merchant understands with the shop's
 * own numbers, in Chinese and English, plus its code and value for later stages. A signal whose
 * export is missing is not computed: its value is NaN and its sentence says which file to upload.
 */
public record Signal(String code, double value, String zh, String en) {

  public boolean measured() {
    return !Double.isNaN(value);
  }

  /** A signal left out because the export it needs is missing or lacks the column. */
  static Signal notMeasured(String code, String whatZh, String whatEn, String file) {
    return new Signal(
        code,
        Double.NaN,
        "未测量（" + whatZh + "）：请上传 " + file,
        "not measured (" + whatEn + "): upload " + file);
  }
}
