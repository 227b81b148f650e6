package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The stages read the exports' columns by the names in ColumnNames, so those names must be exactly
 * the fields FileKind reads: a name no export has would read a column that is never there.
 */
class ColumnNamesTest {

  @Test
  void namesTheFieldsOfTheExportsAndNothingElse() throws IllegalAccessException {
    Set<String> named = new TreeSet<>();
    for (var constant : ColumnNames.class.getDeclaredFields()) {
      if (Modifier.isStatic(constant.getModifiers())) {
        named.add((String) constant.get(null));
      }
    }
    Set<String> read =
        Arrays.stream(FileKind.values())
            .flatMap(kind -> kind.fields().stream())
            .map(Field::name)
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(read, named);
  }

  @Test
  void everyKeyIsAFieldOfItsKind() {
    for (FileKind kind : FileKind.values()) {
      Set<String> fields = kind.fields().stream().map(Field::name).collect(Collectors.toSet());
      for (String key : kind.keyFields()) {
        assertTrue(fields.contains(key), kind + " key " + key);
      }
    }
  }
}
