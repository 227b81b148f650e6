package app.rebound.advice;

import app.rebound.BadInputException;
import app.rebound.Codes;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The recovery actions a plan can hold, in the catalogue's order. Outside the code an action is its
 * {@link #code()} ("appeal", "customer_service"): in the JSON, the stored rows, the form fields,
 * the files and the message keys {@code action.<code>}; the name of a constant is never written
 * anywhere.
 */
public enum ActionId {
  APPEAL("appeal"),
  LISTING("listing"),
  PROMOTION("promotion"),
  INTERACTION("interaction"),
  CUSTOMER_SERVICE("customer_service"),
  AFFILIATE("affiliate"),
  MONITORING("monitoring"),
  COMPLIANCE("compliance");

  private static final List<String> CODES = Arrays.stream(values()).map(ActionId::code).toList();

  private final String code;

  ActionId(String code) {
    this.code = code;
  }

  /** The id as JSON, files, forms and the store write it. */
  @JsonValue
  public String code() {
    return code;
  }

  /** Every action's code, in the catalogue's order. */
  public static List<String> codes() {
    return CODES;
  }

  /** The action with this code, exactly as written; empty for any other text (and null). */
  public static Optional<ActionId> byCode(String code) {
    return Codes.find(values(), ActionId::code, code);
  }

  /** The action a request names; any other code is the sender's mistake, told what is allowed. */
  public static ActionId parse(String code) {
    return byCode(code)
        .orElseThrow(() -> new BadInputException("unknown action '" + code + "'; one of " + CODES));
  }
}
