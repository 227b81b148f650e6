package app.rebound.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes a file's bytes strictly and counts the line breaks of the text handed out. Every
 * character before a byte that cannot be decoded is handed out first, and only the next read fails,
 * so at that failure the count says exactly which line holds the bad byte, however far the CSV
 * parser had read ahead. (InputStreamReader fails at once and drops the characters decoded in the
 * same read, so it can only say "near".)
 */
final class LineCountingReader extends Reader {

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private boolean endOfInput;
  private boolean flushed;
  private long lineBreaks;

  LineCountingReader(InputStream in, CharsetDecoder decoder) {
    this.in = in;
    this.decoder = decoder;
  }

  /** The line (1-based) the next character decoded belongs to. */
  long currentLine() {
    return lineBreaks + 1;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (flushed) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isUnderflow() && endOfInput) {
        flushed = !decoder.flush(out).isOverflow();
        return handOut(buffer, offset, out.position() - offset, -1);
      }
      if (result.isError()) {
        if (out.position() > offset) {
          return handOut(buffer, offset, out.position() - offset, 0); // the error comes next read
        }
        result.throwException();
      }
      if (result.isOverflow() || out.position() > offset) {
        return handOut(buffer, offset, out.position() - offset, 0);
      }
      fill();
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /**
   * Counts the line breaks of the characters handed out; when there are none, answers {@code none}.
   */
  private int handOut(char[] buffer, int offset, int count, int none) {
    for (int i = offset; i < offset + count; i++) {
      if (buffer[i] == '\n') {
        lineBreaks++;
      }
    }
    return count > 0 ? count : none;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
