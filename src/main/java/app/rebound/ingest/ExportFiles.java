package app.rebound.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Turns one uploaded file into the exports it holds, each handed on as an {@link ExportStream}: a
 * CSV is one export; an .xlsx workbook gives one per sheet (named {@code file.xlsx [sheet]}); a
 * .zip gives what each member gives, members sniffed like uploads (nested folders and archives
 * too), named {@code bundle.zip/folder/member}. What cannot be read — an .xls, a password, a
 * damaged archive, an archive past the unpacking limits — is handed on as a refused stream with the
 * reason, so every file, member and sheet appears in the report. The kind is always told by the
 * bytes and the header row, never by the name's extension.
 */
public final class ExportFiles {

  /** Bytes one archive may expand to: many times any real export bundle, far below a bomb. */
  public static final long DEFAULT_MAX_EXPANDED_BYTES = 4L << 30;

  /** Entries one archive may hold (a month of one-day 罗盘 files is 31). */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  /** Archives inside archives: a bundle of bundles is real, deeper nesting is not. */
  static final int MAX_ZIP_DEPTH = 3;

  private static final String WORKBOOK_LABEL = "XLSX";

  /** The sheets of the 罗盘 成交分析 workbook besides 成交概览 and 商品构成. */
  private static final Set<String> UNUSED_DEAL_SHEETS =
      Set.of("自营成交", "合作成交", "载体构成", "账号构成", "单载体构成", "终端构成", "品类构成", "价格带构成", "人群构成");

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
  private static final byte[] OLE2_MAGIC = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  /** Receives each export of the file in turn; the stream is read before the next is opened. */
  @FunctionalInterface
  public interface Sink {
    void accept(ExportStream stream) throws IOException, SQLException;
  }

  private final long maxRows;
  private final long maxExpandedBytes;
  private final int maxEntries;
  private final Path tempDir;

  public ExportFiles(long maxRows) {
    this(maxRows, DEFAULT_MAX_EXPANDED_BYTES, DEFAULT_MAX_ENTRIES);
  }

  public ExportFiles(long maxRows, long maxExpandedBytes, int maxEntries) {
    this(maxRows, maxExpandedBytes, maxEntries, null);
  }

  /**
   * @param tempDir where workbooks and archive members are copied while read (the server's data
   *     folder, emptied at start); null for the system's temp folder
   */
  public ExportFiles(long maxRows, long maxExpandedBytes, int maxEntries, Path tempDir) {
    this.maxRows = maxRows;
    this.maxExpandedBytes = maxExpandedBytes;
    this.maxEntries = maxEntries;
    this.tempDir = tempDir;
  }

  private Path tempCopy(String prefix) throws IOException {
    return tempDir == null
        ? Files.createTempFile(prefix, ".part")
        : Files.createTempFile(tempDir, prefix, ".part");
  }

  /** Hands every export the file holds to {@code sink}; the input is read, not closed. */
  public void read(String name, InputStream input, Sink sink) throws IOException, SQLException {
    read(name, input, sink, 0);
  }

  private void read(String name, InputStream input, Sink sink, int depth)
      throws IOException, SQLException {
    BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
    in.mark(OLE2_MAGIC.length);
    byte[] head = in.readNBytes(OLE2_MAGIC.length);
    in.reset();
    if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
      Path copy = spool(in);
      try {
        readZipFamily(name, copy, sink, depth);
      } finally {
        Files.deleteIfExists(copy);
      }
    } else if (startsWith(head, OLE2_MAGIC)) {
      Path copy = spool(in);
      try {
        sink.accept(refused(name, null, oldOfficeProblem(copy)));
      } finally {
        Files.deleteIfExists(copy);
      }
    } else {
      sink.accept(ExportReader.open(name, in, ExportReader.CHUNK_ROWS, maxRows));
    }
  }

  /** A zip is either an .xlsx workbook (an Office package) or an archive of exports. */
  private void readZipFamily(String name, Path copy, Sink sink, int depth)
      throws IOException, SQLException {
    ZipFile zip;
    try {
      zip = ZipFile.builder().setPath(copy).setUseUnicodeExtraFields(true).get();
    } catch (IOException | RuntimeException e) {
      sink.accept(
          refused(
              name,
              null,
              looksLikeWorkbookName(name)
                  ? Problem.FILE_WORKBOOK_DAMAGED.with(reason(e))
                  : Problem.FILE_ZIP_DAMAGED.with(reason(e))));
      return;
    }
    boolean workbook;
    try (zip) {
      workbook =
          zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null;
      if (!workbook) {
        if (depth >= MAX_ZIP_DEPTH) {
          sink.accept(refused(name, null, Problem.FILE_ZIP_TOO_DEEP.with(depth + 1)));
        } else {
          readArchive(name, zip, sink, depth);
        }
      }
    }
    if (workbook) {
      readWorkbook(name, copy, sink);
    }
  }

  private void readArchive(String name, ZipFile zip, Sink sink, int depth)
      throws IOException, SQLException {
    List<ZipArchiveEntry> entries = new ArrayList<>();
    long declared = 0;
    for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
      if (entries.size() >= maxEntries) {
        sink.accept(refused(name, null, Problem.FILE_ZIP_TOO_MANY_ENTRIES.with(maxEntries)));
        return;
      }
      if (entry.getGeneralPurposeBit().usesEncryption()) {
        sink.accept(refused(name, null, Problem.FILE_ZIP_ENCRYPTED.with()));
        return;
      }
      declared += Math.max(0, entry.getSize());
      if (!entry.isDirectory()) {
        entries.add(entry);
      }
    }
    if (declared > maxExpandedBytes) {
      sink.accept(refused(name, null, Problem.FILE_ZIP_TOO_LARGE.with(maxExpandedBytes)));
      return;
    }
    entries.sort(Comparator.comparing(ExportFiles::entryName));
    long budget = maxExpandedBytes;
    for (ZipArchiveEntry entry : entries) {
      String member = name + "/" + entryName(entry);
      if (!zip.canReadEntryData(entry)) {
        sink.accept(
            refused(
                member,
                null,
                Problem.FILE_ZIP_DAMAGED.with(
                    "compression method " + entry.getMethod() + " is not supported")));
        continue;
      }
      Path copy = tempCopy("rebound-member");
      try {
        long written;
        try (InputStream in = zip.getInputStream(entry);
            OutputStream out = Files.newOutputStream(copy)) {
          written = copyAtMost(in, out, budget);
        } catch (IOException | RuntimeException e) {
          sink.accept(refused(member, null, Problem.FILE_ZIP_DAMAGED.with(reason(e))));
          continue;
        }
        if (written > budget) {
          // The sizes the archive declared were false: stop unpacking, and say so for what is left.
          sink.accept(refused(member, null, Problem.FILE_ZIP_TOO_LARGE.with(maxExpandedBytes)));
          budget = -1;
          continue;
        }
        budget -= written;
        try (InputStream in = Files.newInputStream(copy)) {
          read(member, in, sink, depth + 1);
        }
      } finally {
        Files.deleteIfExists(copy);
      }
    }
  }

  private void readWorkbook(String name, Path copy, Sink sink) throws IOException, SQLException {
    XlsxWorkbook workbook;
    try {
      workbook = XlsxWorkbook.open(copy);
    } catch (Exception e) {
      sink.accept(refused(name, null, Problem.FILE_WORKBOOK_DAMAGED.with(reason(e))));
      return;
    }
    try (workbook) {
      workbook.eachSheet(
          (sheetName, rows) -> {
            String label = name + " [" + sheetName + "]";
            FilePeriod period = FilePeriod.around(name, rows);
            ExportStream stream =
                ExportStream.open(label, WORKBOOK_LABEL, period, ExportReader.CHUNK_ROWS, maxRows);
            sink.accept(
                withDealSheetReason(withPeriodReason(stream, period, label), sheetName, label));
          });
    } catch (IOException | SQLException e) {
      throw e;
    } catch (Exception e) {
      sink.accept(refused(name, null, Problem.FILE_WORKBOOK_DAMAGED.with(reason(e))));
    }
  }

  /** A 罗盘 export that cannot be placed in time says so, not "no kind fits". */
  static ExportStream withPeriodReason(ExportStream stream, FilePeriod period, String name) {
    if (stream.kind() == null && period.lacksPeriod() != null) {
      return refused(name, null, period.lacksPeriod().with());
    }
    return stream;
  }

  /**
   * The 成交分析 workbook's sheets Rebound does not read say so, by their sheet name, rather than
   * "unknown header"; and one whose header happens to fit a 成交分析 kind (a part of the shop, such as
   * 自营成交, may carry 成交概览's columns) is not read as that kind, so no part is stored as the whole.
   */
  static ExportStream withDealSheetReason(ExportStream stream, String sheetName, String label) {
    FileKind kind = stream.kind();
    if (UNUSED_DEAL_SHEETS.contains(sheetName.strip())
        && (kind == null || kind == FileKind.DEAL_OVERVIEW || kind == FileKind.DEAL_PRODUCTS)) {
      return refused(label, null, Problem.FILE_DEAL_SHEET_NOT_USED.with(sheetName.strip()));
    }
    return stream;
  }

  /** An OLE2 file is an old .xls, or an .xlsx saved with a password (Office encrypts that way). */
  private static Problem.Instance oldOfficeProblem(Path copy) {
    try (POIFSFileSystem fs = new POIFSFileSystem(copy.toFile(), true)) {
      return fs.getRoot().hasEntry("EncryptionInfo")
          ? Problem.FILE_WORKBOOK_ENCRYPTED.with()
          : Problem.FILE_XLS.with();
    } catch (IOException | RuntimeException e) {
      return Problem.FILE_XLS.with();
    }
  }

  private static ExportStream refused(String name, String kind, Problem.Instance problem) {
    return ExportStream.refused(FileReport.refused(name, kind, null, List.of(), problem));
  }

  /** Member names as the merchant's unzip would show them: UTF-8 if they are, else GB18030. */
  private static String entryName(ZipArchiveEntry entry) {
    if (entry.getGeneralPurposeBit().usesUTF8ForNames()) {
      return entry.getName();
    }
    byte[] raw = entry.getRawName();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(raw, Charset.forName("GB18030"));
    }
  }

  private Path spool(InputStream in) throws IOException {
    Path copy = tempCopy("rebound-upload");
    try (OutputStream out = Files.newOutputStream(copy)) {
      in.transferTo(out);
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return copy;
  }

  /** Copies up to limit + 1 bytes, so a result over the limit says the stream was longer. */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    int n;
    while (total <= limit && (n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static boolean looksLikeWorkbookName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") || lower.endsWith(".xlsm");
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
