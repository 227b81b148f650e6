package app.rebound.sim;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why the platform deleted a batch of sales. */
public enum Cause {
  SYSTEM_ERROR,
  MALICIOUS_REPORT,
  VIOLATION;

  /** The name in truth.json: system_error, malicious_report, violation. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
