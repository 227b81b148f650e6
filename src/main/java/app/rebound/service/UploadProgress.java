package app.rebound.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What each shop's running upload is doing right now ("reading 订单明细.csv: 300000 rows"), so a page
 * can show how far a large upload has got while the request is still being handled.
 */
public final class UploadProgress {

  private final Map<String, String> steps = new ConcurrentHashMap<>();

  /** The progress callback for one upload into a shop; call {@link #finish} when it ends. */
  public Consumer<String> tracker(String shop) {
    steps.put(shop, "receiving");
    return step -> steps.put(shop, step);
  }

  public void finish(String shop) {
    steps.remove(shop);
  }

  public Optional<String> current(String shop) {
    return Optional.ofNullable(steps.get(shop));
  }
}
