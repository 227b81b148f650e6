package app.rebound.sim;

/**
 * How a simulated deletion's effect and the shop's other dynamics unfold over time, beyond the
 * plain step effect. {@link #PLAIN} is the simulator's original world.
 */
public record ImpactDynamics() {

  /** The original world: the effect starts in full the day after the deletion and stays. */
  public static final ImpactDynamics PLAIN = new ImpactDynamics();
}
