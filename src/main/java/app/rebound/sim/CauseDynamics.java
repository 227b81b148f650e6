package app.rebound.sim;

/**
 * How each cause of a simulated deletion batch shows itself in the orders, refunds and complaints,
 * beyond the plain signatures. {@link #PLAIN} is the simulator's original world.
 */
public record CauseDynamics() {

  /** The original world: each cause with its plain signature only. */
  public static final CauseDynamics PLAIN = new CauseDynamics();
}
