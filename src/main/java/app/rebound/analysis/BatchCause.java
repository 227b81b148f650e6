package app.rebound.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * Stage 2's answer for one deletion batch: what it deleted, its likely cause with a confidence, the
 * signals behind it and the penalties that follow.
 *
 * @param id the notice (违规单号) or, without one, the processing day
 * @param date the processing date
 * @param orders deleted sub-orders in the batch
 * @param units items in those orders (only orders found in the orders export count)
 * @param money paid amount of those orders, yuan
 * @param products product ids hit, most deleted orders first
 * @param likelyCause {@link #SYSTEM_ERROR}, {@link #MALICIOUS_REPORT} or {@link #VIOLATION}
 * @param confidence 0–1: the margin between causes, lowered where evidence is missing
 * @param thinEvidence too few orders or a deciding export missing; the signals say which one
 *     settles it
 * @param odds the probability of each cause, whether it is undecided, and the signals behind it
 */
public record BatchCause(
    String id,
    LocalDate date,
    int orders,
    long units,
    double money,
    List<String> products,
    String likelyCause,
    double confidence,
    boolean thinEvidence,
    List<Signal> signals,
    List<Consequence> consequences,
    CauseOdds odds) {

  public static final String SYSTEM_ERROR = "system_error";
  public static final String MALICIOUS_REPORT = "malicious_report";
  public static final String VIOLATION = "violation";

  public BatchCause {
    products = List.copyOf(products);
    signals = List.copyOf(signals);
    consequences = List.copyOf(consequences);
  }

  /** A batch whose cause is given, not diagnosed (made by hand): certain, nothing behind it. */
  public BatchCause(
      String id,
      LocalDate date,
      int orders,
      long units,
      double money,
      List<String> products,
      String likelyCause,
      double confidence,
      boolean thinEvidence,
      List<Signal> signals,
      List<Consequence> consequences) {
    this(
        id,
        date,
        orders,
        units,
        money,
        products,
        likelyCause,
        confidence,
        thinEvidence,
        signals,
        consequences,
        CauseOdds.certain(likelyCause));
  }

  /** The two most likely causes are too close to call: appeal only after the named evidence. */
  public boolean undecided() {
    return odds.undecided();
  }
}
