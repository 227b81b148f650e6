package app.rebound.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The server side of {@link LoadBenchmark}, in a JVM of its own so that the heap it reports is the
 * app's alone: serves a stored shop ({@link ServedShop}), samples its heap in use every 50 ms and
 * answers one command a line on stdin:
 *
 * <ul>
 *   <li>{@code window}: {@code WINDOW used peak cpu gcCount gcSeconds}: heap in use now and the
 *       highest sample since the last window (MiB), the process's CPU seconds and its collectors'
 *       totals so far;
 *   <li>{@code gc}: {@code GC used}: heap in use after a full collection (MiB);
 *   <li>{@code quit}.
 * </ul>
 *
 * Once serving it prints {@code READY port orders analysisSeconds maxHeapMiB collectors}. Usage:
 * LoadServer DATA_DIR SHOP
 */
public final class LoadServer {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final double MIB = 1024.0 * 1024.0;

  public static void main(String[] args) throws Exception {
    try (ServedShop served = ServedShop.start(Path.of(args[0]), args[1])) {
      AtomicLong peak = new AtomicLong();
      ScheduledExecutorService sampler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "heap-sampler");
                t.setDaemon(true);
                return t;
              });
      sampler.scheduleAtFixedRate(
          () -> peak.accumulateAndGet(used(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
      String collectors =
          ManagementFactory.getGarbageCollectorMXBeans().stream()
              .map(GarbageCollectorMXBean::getName)
              .map(n -> n.replace(' ', '_'))
              .collect(Collectors.joining(","));
      say(
          String.format(
              Locale.ROOT,
              "READY %d %d %.1f %.0f %s",
              served.port(),
              served.orders,
              served.analysisSeconds,
              Runtime.getRuntime().maxMemory() / MIB,
              collectors));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine();
          line != null && !line.equals("quit");
          line = in.readLine()) {
        switch (line) {
          case "window" -> {
            long now = used();
            long highest = Math.max(now, peak.getAndSet(now));
            long gcCount = 0;
            long gcMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
              gcCount += Math.max(0, gc.getCollectionCount());
              gcMillis += Math.max(0, gc.getCollectionTime());
            }
            say(
                String.format(
                    Locale.ROOT,
                    "WINDOW %.1f %.1f %.2f %d %.3f",
                    now / MIB,
                    highest / MIB,
                    cpuSeconds(),
                    gcCount,
                    gcMillis / 1000.0));
          }
          case "gc" -> {
            for (int i = 0; i < 3; i++) {
              System.gc();
            }
            long after = used();
            peak.set(after);
            say(String.format(Locale.ROOT, "GC %.1f", after / MIB));
          }
          default -> say("UNKNOWN " + line);
        }
      }
      sampler.shutdownNow();
    }
  }

  private static long used() {
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static double cpuSeconds() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e9
        : Double.NaN;
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
