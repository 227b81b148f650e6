package app.rebound.sim;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which causes the simulated shop's deletion batches have. */
public enum Scenario {
  SYSTEM_ERROR,
  MALICIOUS_REPORT,
  VIOLATION,
  /** One batch of each cause, sometimes a fourth. */
  MIXED,
  /** Deletion batches with their cause signatures, but the injected effect is exactly zero. */
  PLACEBO;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
