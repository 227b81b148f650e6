package app.rebound.ingest;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tech.tablesaw.api.Table;

/**
 * Reads an export's next chunk on a second thread while the caller stores the current one, so
 * parsing and storing a large file overlap instead of taking turns (on two cores an upload takes
 * about the longer of the two, not their sum). At most two chunks are in memory: the one being
 * stored and the one being read. The stream is only ever touched by the reading thread, one chunk
 * at a time.
 */
public final class ReadAhead implements AutoCloseable {

  private final ExportStream stream;
  private final ExecutorService reader;
  private Future<Table> pending;

  public ReadAhead(ExportStream stream) {
    this.stream = stream;
    this.reader =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "export-read-ahead");
              t.setDaemon(true);
              return t;
            });
    this.pending = reader.submit(stream::next);
  }

  /**
   * The next chunk, as {@link ExportStream#next()} would answer; the one after it starts reading at
   * once.
   */
  public Table next() {
    Table chunk = await(pending);
    pending = chunk == null ? null : reader.submit(stream::next);
    return chunk;
  }

  /** What was read; valid once {@link #next()} has returned null. */
  public FileReport report() {
    return stream.report();
  }

  private static Table await(Future<Table> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading the export");
    } catch (ExecutionException e) {
      // What the stream would have thrown on the caller's thread.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Stops reading: a chunk still being read is abandoned (the caller closes the input, which ends
   * it).
   */
  @Override
  public void close() {
    if (pending != null) {
      pending.cancel(true);
    }
    reader.shutdownNow();
  }
}
