package app.rebound.web;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Cuts off a request body that falls behind a minimum rate, counted from the moment its body was
 * first wanted after a head start of {@link #HEAD_START_NANOS}. A client that drips a byte every
 * few seconds otherwise holds a server thread for as long as it likes (each byte restarts the idle
 * timeout).
 *
 * <p>Jetty's own MinimumDataRateHandler (12.1) divides the bytes read by all requests together by
 * one request's time, so after a single fast upload no slow body is ever cut; this one counts each
 * request's own bytes.
 */
final class MinimumBodyRate extends Handler.Wrapper {

  /**
   * A body starts this far ahead of the minimum rate, so a short body whose packets come late (a
   * lost packet resent after a second or two) is never cut.
   */
  private static final long HEAD_START_NANOS = 5_000_000_000L;

  private final long minBytesPerSecond;

  MinimumBodyRate(long minBytesPerSecond) {
    this.minBytesPerSecond = minBytesPerSecond;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    return super.handle(new Metered(request), response, callback);
  }

  /** Jetty calls read and demand of one request one at a time, never together. */
  private final class Metered extends Request.Wrapper {
    private long firstDemandNanos;
    private boolean demanded;
    private long bytesRead;
    private Content.Chunk failure;

    Metered(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      if (failure != null) {
        return failure;
      }
      Content.Chunk chunk = super.read();
      if (chunk != null) {
        bytesRead += chunk.remaining();
      }
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      long now = System.nanoTime();
      if (!demanded) {
        demanded = true;
        firstDemandNanos = now;
      } else if (bytesRead
          < minBytesPerSecond * (now - firstDemandNanos - HEAD_START_NANOS) / 1e9) {
        failure =
            Content.Chunk.from(
                new TimeoutException(
                    "the request body came slower than " + minBytesPerSecond + " bytes/s"),
                true);
        demandCallback.run();
        return;
      }
      super.demand(demandCallback);
    }
  }
}
