package app.rebound.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The encodings Douyin exports arrive in: UTF-8 (often with a BOM), GB18030/GBK after a save from
 * Excel on Chinese Windows, and UTF-16 from Excel's "Unicode text". Detection is by BOM, then by
 * strict decoding: text that decodes as UTF-8 without a single error is UTF-8, else GB18030 if that
 * decodes cleanly.
 */
public record TextEncoding(String label, Charset charset, int bomLength) {

  public static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * A decoder that fails on a bad byte instead of inventing a replacement character (no mojibake).
   */
  public CharsetDecoder strictDecoder() {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Detects the encoding from the first bytes of a file.
   *
   * @param sample the file's first bytes
   * @param complete whether the sample is the whole file (else a character cut at its end is
   *     forgiven)
   * @return the encoding, or empty when the bytes are not text in any supported encoding
   */
  /** Whether the bytes start with a UTF-32 BOM (FF FE 00 00 or 00 00 FE FF). */
  public static boolean isUtf32(byte[] sample, int length) {
    return startsWith(sample, length, 0xFF, 0xFE, 0x00, 0x00)
        || startsWith(sample, length, 0x00, 0x00, 0xFE, 0xFF);
  }

  public static Optional<TextEncoding> detect(byte[] sample, int length, boolean complete) {
    if (isUtf32(sample, length)) {
      return Optional.empty(); // its BOM begins like UTF-16LE's: not read as that
    }
    if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
      return Optional.of(new TextEncoding("UTF-8 BOM", StandardCharsets.UTF_8, 3));
    }
    if (startsWith(sample, length, 0xFF, 0xFE)) {
      return Optional.of(new TextEncoding("UTF-16LE", StandardCharsets.UTF_16LE, 2));
    }
    if (startsWith(sample, length, 0xFE, 0xFF)) {
      return Optional.of(new TextEncoding("UTF-16BE", StandardCharsets.UTF_16BE, 2));
    }
    Optional<TextEncoding> utf16 = utf16WithoutBom(sample, length);
    if (utf16.isPresent()) {
      return utf16;
    }
    if (looksBinary(sample, length)) {
      return Optional.empty();
    }
    if (decodesCleanly(StandardCharsets.UTF_8, sample, length, complete)) {
      return Optional.of(new TextEncoding("UTF-8", StandardCharsets.UTF_8, 0));
    }
    if (decodesCleanly(GB18030, sample, length, complete)) {
      return Optional.of(new TextEncoding("GB18030", GB18030, 0));
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] b, int length, int... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** NUL bytes and other control bytes never appear in a CSV export written as 8-bit text. */
  private static boolean looksBinary(byte[] b, int length) {
    int control = 0;
    for (int i = 0; i < length; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
        control++;
      }
    }
    return length > 0 && control * 100 > length;
  }

  /**
   * UTF-16 saved without a byte-order mark: every ASCII character (commas, digits, line breaks)
   * carries a NUL byte on the same side, which no 8-bit text and no binary file does so regularly.
   */
  static Optional<TextEncoding> utf16WithoutBom(byte[] b, int length) {
    int even = 0;
    int odd = 0;
    for (int i = 0; i + 1 < length; i += 2) {
      even += b[i] == 0 ? 1 : 0;
      odd += b[i + 1] == 0 ? 1 : 0;
    }
    int pairs = length / 2;
    if (pairs < 8 || length % 2 != 0 && length < SAMPLE_LIMIT) {
      return Optional.empty();
    }
    // Mostly NULs on one side and none on the other; the text must then decode strictly.
    if (odd * 4 >= pairs
        && even == 0
        && decodesCleanly(StandardCharsets.UTF_16LE, b, length - length % 2, false)) {
      return Optional.of(new TextEncoding("UTF-16LE (no BOM)", StandardCharsets.UTF_16LE, 0));
    }
    if (even * 4 >= pairs
        && odd == 0
        && decodesCleanly(StandardCharsets.UTF_16BE, b, length - length % 2, false)) {
      return Optional.of(new TextEncoding("UTF-16BE (no BOM)", StandardCharsets.UTF_16BE, 0));
    }
    return Optional.empty();
  }

  /** Files at least this long are sampled, so an odd sample length says nothing about the file. */
  private static final int SAMPLE_LIMIT = 1 << 20;

  /** Whether the bytes hold no NUL or other control bytes, i.e. they are meant as 8-bit text. */
  public static boolean looksLikeText(byte[] b, int length) {
    return !looksBinary(b, length);
  }

  /**
   * The 1-based line of the first byte that is not valid UTF-8, or 0 when there is none: where a
   * file that neither UTF-8 nor GB18030 reads breaks (usually where a second encoding starts).
   */
  public static long firstLineNotUtf8(byte[] b, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, 0, length);
    CoderResult result = decoder.decode(in, CharBuffer.allocate(length + 1), true);
    if (!result.isError()) {
      return 0;
    }
    long line = 1;
    for (int i = 0; i < in.position(); i++) {
      line += b[i] == '\n' ? 1 : 0;
    }
    return line;
  }

  private static boolean decodesCleanly(Charset charset, byte[] b, int length, boolean complete) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Not at end of input: a multi-byte character cut at the end of the sample is underflow, not an
    // error.
    CoderResult result =
        decoder.decode(ByteBuffer.wrap(b, 0, length), CharBuffer.allocate(length + 1), complete);
    if (result.isError()) {
      return false;
    }
    return !complete || !decoder.flush(CharBuffer.allocate(16)).isError();
  }
}
