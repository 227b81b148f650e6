package app.rebound.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CauseSectionTest {

  static final String IMPACT = "# Impact accuracy\n\n| scenario | error |\n| --- | --- |\n";
  static final String CAUSES = "# Cause accuracy\n\nAbout.\n\n## After\n\n| kind |\n| --- |\n";

  @Test
  void the_cause_tables_are_added_once_and_replaced_on_the_next_run() {
    String once = CauseSection.splice(IMPACT, CAUSES);
    assertTrue(once.startsWith(IMPACT.strip()), once);
    assertTrue(once.contains("\n## Cause diagnosis\n"), once);
    assertTrue(once.contains("\n### After\n"), once);
    assertTrue(!once.contains("# Cause accuracy"), once);
    String newer = CAUSES.replace("| kind |", "| kind | right |");
    String twice = CauseSection.splice(once, newer);
    assertEquals(CauseSection.splice(IMPACT, newer), twice);
    assertEquals(1, twice.split("## Cause diagnosis", -1).length - 1);
  }
}
