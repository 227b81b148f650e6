package app.rebound.web;

import java.time.Duration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * What slow or stalled clients may hold of the server, so that they cannot starve the others.
 *
 * <p>Jetty reads request lines and headers without a thread, but a request whose body is being read
 * (an upload, a form, a JSON change) holds one of the pool's threads (Javalin's pool: 250) while it
 * waits for the next bytes. 250 clients dripping a body byte by byte once held them all. So: at
 * most {@link #MAX_BODY_REQUESTS} requests read a body at once (the rest wait without a thread, and
 * are answered 503 after the request timeout); a body that arrives slower than {@link
 * #MIN_BODY_BYTES_PER_SECOND} is cut off; and the connections are bounded by {@link
 * #MAX_CONNECTIONS}. Pages, downloads and the API's reads are never queued behind bodies.
 */
final class SlowClients {

  /** Requests reading a body at once: far more than a team uploads together, few of 250 threads. */
  static final int MAX_BODY_REQUESTS = 32;

  /**
   * The slowest body accepted, averaged from its first byte wanted: 1 KiB/s is far below any real
   * link (a 1 MB file would take 17 minutes) and far above a drip of a byte every few seconds.
   */
  static final long MIN_BODY_BYTES_PER_SECOND = 1024;

  /** Open connections at once; past it Jetty stops accepting until some close. */
  static final int MAX_CONNECTIONS = 1000;

  private SlowClients() {}

  /**
   * Wraps the server's handler (Javalin then hangs its servlet context inside the innermost
   * wrapper) and bounds its connections.
   */
  static void limit(Server server, Duration requestTimeout) {
    QoSHandler bodies = new QoSHandler(new MinimumBodyRate(MIN_BODY_BYTES_PER_SECOND));
    bodies.includeMethod("POST", "PUT", "PATCH", "DELETE");
    bodies.setMaxRequestCount(MAX_BODY_REQUESTS);
    bodies.setMaxSuspend(requestTimeout);
    server.setHandler(bodies);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
  }
}
