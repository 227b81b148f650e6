package app.rebound.sim;

/**
 * How each cause of a simulated deletion batch shows itself in the orders, refunds and complaints,
 * beyond the plain signatures. {@link #PLAIN} is the simulator's original world; the other worlds
 * are the cases the platform's rule on 虚假交易 and merchants' reports describe, which a rule that
 * counts signs gets wrong.
 *
 * @param attacksOnSeveralBestSellers an attack reports three to five of the shop's best sellers at
 *     once (not one to three), so it reaches a fair part of the catalogue
 * @param reportOnlyAttacks a malicious report made by complaints alone: the complaint spike is 4–8
 *     times the usual level and the attacked products' refunds stay at their usual rate
 * @param refundWaveFromOneLink the attackers' refunds come as a wave: placed within a few hours of
 *     each other, through one share link (one 达人) and from one city
 * @param nightLiveSystemErrors the genuine orders a system error deletes are night-time live-stream
 *     orders: placed after midnight within seconds of each other at the stream's flash moments
 *     (上链接), full price, real parcels, buyers who chat
 * @param realParcelBrushing violation batches with real parcels: each fake order ships a real
 *     parcel with its own waybill at normal speed and full price (cash back off the platform), only
 *     about one in ten reuses a waybill
 * @param thinBatches every batch deletes only a handful of orders (1–4 genuine ones per product,
 *     fakes on one night)
 */
public record CauseDynamics(
    boolean attacksOnSeveralBestSellers,
    boolean reportOnlyAttacks,
    boolean refundWaveFromOneLink,
    boolean nightLiveSystemErrors,
    boolean realParcelBrushing,
    boolean thinBatches) {

  /** The original world: each cause with its plain signature only. */
  public static final CauseDynamics PLAIN =
      new CauseDynamics(false, false, false, false, false, false);

  public static final CauseDynamics REPORT_ONLY_ATTACKS =
      new CauseDynamics(true, true, false, false, false, false);
  public static final CauseDynamics REFUND_WAVE_ATTACKS =
      new CauseDynamics(true, false, true, false, false, false);
  public static final CauseDynamics NIGHT_LIVE_SYSTEM_ERRORS =
      new CauseDynamics(false, false, false, true, false, false);
  public static final CauseDynamics REAL_PARCEL_BRUSHING =
      new CauseDynamics(false, false, false, false, true, false);
  public static final CauseDynamics THIN_BATCHES =
      new CauseDynamics(false, false, false, false, false, true);

  /** Share of a real-parcel brushing batch's fakes that reuse one of two waybills. */
  static final double REAL_PARCEL_REUSED_SHARE = 0.1;

  /** The report-only complaint spike: this many times the usual level, drawn from the range. */
  static final double REPORT_SPIKE_MIN = 4;

  static final double REPORT_SPIKE_MAX = 8;
}
