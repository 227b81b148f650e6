package app.rebound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one JSON mapping of Rebound: snake_case fields, ISO dates, the same for files and the API.
 */
public final class Json {

  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          // Registered after the JavaTimeModule, so its LocalDate reader is the one used.
          .registerModule(
              new SimpleModule("iso-dates")
                  .addDeserializer(LocalDate.class, new IsoDateDeserializer()))
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // impact.json carries the plan beside the report's fields; readers take the part they
          // know.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // A stored analysis holds some 100,000 decimals; this parser reads them faster, to the
          // same doubles.
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature())
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /**
   * Reads a "2026-06-07" date directly. A stored analysis holds some 20,000 dates, and the
   * JavaTimeModule's DateTimeFormatter spends most of the time its report takes to read on them.
   * Any other text, and a date that does not exist, go to the module's reader, which reads or
   * refuses them as it always did.
   */
  static final class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    IsoDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        String s = p.getText();
        if (isIsoDate(s)) {
          try {
            return LocalDate.of(
                Integer.parseInt(s, 0, 4, 10),
                Integer.parseInt(s, 5, 7, 10),
                Integer.parseInt(s, 8, 10, 10));
          } catch (DateTimeException e) {
            // e.g. 2026-02-30: the module's reader refuses it with its own message
          }
        }
      }
      return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
    }

    /** yyyy-MM-dd, digits only: what ISO_LOCAL_DATE reads for the years 0000–9999. */
    private static boolean isIsoDate(String s) {
      if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
        return false;
      }
      for (int i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
          return false;
        }
      }
      return true;
    }
  }
}
