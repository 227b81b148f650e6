package app.rebound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImpactDynamics.PLAIN is the simulator's original world: the files of these shops are pinned to
 * the digests the simulator wrote before any impact mechanism existed (commit 3edb344), so a
 * mechanism that leaks into PLAIN fails here.
 */
class PlainWorldTest {

  @TempDir Path tmp;

  @Test
  void plain_shops_are_byte_for_byte_the_original_world() throws Exception {
    List<SimConfig> configs =
        List.of(
            SimConfig.defaults(),
            SimConfig.defaults()
                .withSeed(1007)
                .withScenario(Scenario.PLACEBO)
                .withProducts(16)
                .withDays(98),
            SimConfig.defaults()
                .withSeed(1010)
                .withScenario(Scenario.VIOLATION)
                .withProducts(4)
                .withDays(63)
                .withPromotionSpike(true));
    List<String> expected =
        List.of(
            "9ed58b4d74f8565954125db254f0a6bee6ecd26a122c32d106b20aab91b5d1e0",
            "17c1059d0032d494f95b71b62b446ad4d393fd3d93485b279181c4390e4ea14d",
            "dc0e3e5806a46a33533f3dc33800aae48e45e46e07e1e0eee5281c8289ba3372");
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      Path dir = tmp.resolve("shop" + i);
      ShopSimulator.write(configs.get(i), dir);
      actual.add(digest(dir));
    }
    assertEquals(expected, actual);
  }

  /** SHA-256 over every file of the folder, in name order (name, then bytes). */
  static String digest(Path dir) throws IOException, NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.sorted().toList();
    }
    for (Path f : files) {
      sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
