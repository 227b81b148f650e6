package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.Reason;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sample analysed once with each optional export left out in turn (some 20 s): every reason it
 * gives reads in Chinese, as {@link ReasonsTest} checks for the sample without them all.
 */
@Slow
class EachExportReasonsTest {

  @Test
  void every_reason_of_the_sample_with_each_export_left_out_reads_in_chinese() {
    Map<Reason, String> seen = ReasonsTest.reasons();
    ReasonsTest.collect(ExportFolders.read(ExportFolders.SAMPLE), seen);
    for (String left : ReasonsTest.OPTIONAL_EXPORTS) {
      ReasonsTest.collect(
          ExportFolders.read(ExportFolders.SAMPLE, name -> !name.equals(left)), seen);
      assertTrue(
          seen.keySet().stream().anyMatch(r -> r.args().contains(left))
              || left.equals(ReasonsTest.DELETIONS),
          left + " left out is named in a reason");
    }
    Set<String> codes = ReasonsTest.codes(seen);
    assertTrue(codes.contains("upload"), codes.toString());
    ReasonsTest.assertChinese(seen);
  }
}
