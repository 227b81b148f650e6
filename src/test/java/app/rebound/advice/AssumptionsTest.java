package app.rebound.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssumptionsTest {

  static final Path SOURCES = Path.of("src/main/java/app/rebound/advice");

  @Test
  void the_defaults_load_and_every_key_is_documented() {
    List<Assumption> all = Assumptions.defaults().all();
    assertTrue(all.size() > 40, "" + all.size());
    for (Assumption a : all) {
      assertFalse(a.unit().isBlank(), a.key() + " has no unit");
      assertFalse(a.description().isBlank(), a.key() + " has no description");
      assertFalse(a.source().isBlank(), a.key() + " has no source");
      assertTrue(Double.isFinite(a.value()), a.key());
    }
  }

  @Test
  void every_key_the_code_reads_exists_in_the_file() throws IOException {
    Set<String> keys = new HashSet<>();
    Assumptions.defaults().all().forEach(a -> keys.add(a.key()));
    Pattern literal = Pattern.compile("get\\(\"([a-z_.]+)\"\\)");
    Pattern prefixed = Pattern.compile("get\\(prefix \\+ \"(\\.[a-z_]+)\"\\)");
    List<String> prefixes = List.of("listing", "promotion", "customer_service", "interaction");
    int found = 0;
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String src = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = literal.matcher(src);
        while (m.find()) {
          found++;
          assertTrue(
              keys.contains(m.group(1)), f.getFileName() + " reads missing key " + m.group(1));
        }
        Matcher p = prefixed.matcher(src);
        while (p.find()) {
          for (String prefix : prefixes) {
            if (prefix.equals("promotion") && p.group(1).equals(".cost")) {
              continue; // promotion's cost is its discount rate, read by name
            }
            assertTrue(keys.contains(prefix + p.group(1)), "missing key " + prefix + p.group(1));
          }
        }
      }
    }
    assertTrue(found > 30, "the scan found the keys: " + found);
  }

  @Test
  void the_plan_lists_the_assumptions_it_used() {
    Plan p =
        RecoveryPlan.of(
            new Reports.Builder().build(), Assumptions.defaults(), Reports.DAY.plusDays(1));
    assertTrue(p.assumptions().stream().anyMatch(a -> a.key().equals("listing.recovery")));
    assertTrue(p.assumptions().stream().anyMatch(a -> a.key().equals("appeal.window_days")));
    assertEquals(
        p.assumptions().size(), p.assumptions().stream().map(Assumption::key).distinct().count());
  }

  @Test
  void every_key_has_its_words_in_chinese_and_a_chinese_plan_shows_them() {
    // Latin words other than the ids the plan prints as they are (GMV, a key name, Rebound).
    Pattern english = Pattern.compile("\\b(?!GMV\\b|Rebound\\b)[A-Za-z]{3,}\\b");
    for (Assumption a : Assumptions.defaults().all()) {
      Assumption zh = Assumptions.inChinese(a);
      assertEquals(a.value(), zh.value(), a.key());
      for (String words : List.of(zh.unit(), zh.description(), zh.source())) {
        String withoutKeys = words.replaceAll("[a-z_]+\\.[a-z_.]+", "");
        assertFalse(english.matcher(withoutKeys).find(), a.key() + ": " + words);
      }
    }
    Plan zh =
        RecoveryPlan.of(
            new Reports.Builder().lang("zh").build(),
            Assumptions.defaults(),
            Reports.DAY.plusDays(1));
    Assumption horizon =
        zh.assumptions().stream().filter(a -> a.key().equals("horizon.days")).findFirst().get();
    assertEquals("天", horizon.unit());
    assertTrue(horizon.description().startsWith("每项行动"), horizon.description());
  }

  @Test
  void an_edited_copy_changes_the_scoring(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("assumptions.properties");
    try (InputStream in = Assumptions.class.getResourceAsStream("assumptions.properties")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("listing.recovery=0.3", "listing.recovery=0.9");
      Files.writeString(copy, text, StandardCharsets.UTF_8);
    }
    Assumptions edited = Assumptions.load(copy);
    assertEquals(0.9, edited.get("listing.recovery"));
    var report = new Reports.Builder().build();
    double before = listing(RecoveryPlan.of(report, Assumptions.defaults(), Reports.DAY));
    double after = listing(RecoveryPlan.of(report, edited, Reports.DAY));
    assertNotEquals(before, after);
    assertEquals(3.0, after / before, 0.001);
  }

  @Test
  void an_unknown_key_is_an_error_not_a_zero() {
    assertThrows(IllegalArgumentException.class, () -> Assumptions.defaults().get("no.such.key"));
  }

  private static double listing(Plan p) {
    return p.actions().stream()
        .filter(a -> a.id() == ActionId.LISTING)
        .findFirst()
        .orElseThrow()
        .expectedGmv();
  }
}
