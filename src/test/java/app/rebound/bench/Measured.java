package app.rebound.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** One benchmark stage's figures, measured inside the child JVM that ran it. */
record Measured(String stage, long rows, double seconds, double peakHeapMiB) {

  /**
   * Peak heap of this JVM so far: the sum of every heap pool's peak. The pools peak at different
   * moments, so this is an upper bound on the heap in use at any one time (it may exceed -Xmx).
   */
  static double jvmPeakHeapMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  double rowsPerSecond() {
    return rows / seconds;
  }

  String toLine() {
    return String.format(
        Locale.ROOT, "MEASURED %s %d %.4f %.1f", stage, rows, seconds, peakHeapMiB);
  }

  static Measured parse(String line) {
    String[] p = line.split(" ");
    return new Measured(
        p[1], Long.parseLong(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4]));
  }
}
