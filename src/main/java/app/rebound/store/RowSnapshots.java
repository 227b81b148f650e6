package app.rebound.store;

import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import app.rebound.ingest.ValueType;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A copy of a kind's stored rows (some of its columns, in key order) in an Avro file beside the
 * shop's database, one file per version of the kind's rows: reading a million orders back through
 * JDBC costs two native calls per cell, reading this file costs a small part of that. The database
 * stays the truth: a file is named by the upload that last changed the kind's rows, only ever
 * written whole (to a temporary name, then moved), and any file that is missing, older or
 * unreadable is simply made again from the database.
 */
final class RowSnapshots {

  private static final Pattern NAME = Pattern.compile("([a-z_]+)-(\\d+)\\.avro");

  private final Path dir;

  RowSnapshots(Path dir) {
    this.dir = dir;
  }

  /** A snapshot on disk: the version of the kind's rows it holds and the columns it has. */
  record Found(long version, Table rows) {}

  /** The newest snapshot of the kind at or below the version that has every given field, if any. */
  Optional<Found> newest(FileKind kind, List<Field> fields, long atMost) {
    long best = versions(kind).stream().filter(v -> v <= atMost).max(Long::compare).orElse(-1L);
    if (best < 0) {
      return Optional.empty();
    }
    try {
      return read(file(kind, best), kind, fields).map(t -> new Found(best, t));
    } catch (IOException | RuntimeException e) {
      return Optional
          .empty(); // unreadable (removed by another process meanwhile, damaged): made again
    }
  }

  /** The versions of the kind's snapshots on disk. */
  private List<Long> versions(FileKind kind) {
    List<Long> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.forEach(
          p -> {
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (m.matches() && m.group(1).equals(kind.id())) {
              out.add(Long.parseLong(m.group(2)));
            }
          });
    } catch (IOException e) {
      // no folder yet: no snapshots
    }
    return out;
  }

  /**
   * Writes the rows (a table with at least the kind's key fields) as the kind's snapshot at the
   * version.
   */
  void write(FileKind kind, long version, Table rows) throws IOException {
    Files.createDirectories(dir);
    List<Field> fields = fieldsOf(kind, rows);
    Schema schema = schema(fields);
    Path tmp = Files.createTempFile(dir, kind.id() + "-", ".tmp");
    try {
      try (DataFileWriter<GenericRecord> writer =
          new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
        writer.create(schema, tmp.toFile());
        List<Column<?>> columns =
            fields.stream().<Column<?>>map(f -> rows.column(f.name())).toList();
        GenericData.Record record = new GenericData.Record(schema);
        for (int row = 0; row < rows.rowCount(); row++) {
          for (int i = 0; i < fields.size(); i++) {
            record.put(i, toAvro(columns.get(i), row));
          }
          writer.append(record);
        }
      }
      try {
        Files.move(
            tmp,
            file(kind, version),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(kind, version), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    removeOlder(kind, version);
  }

  /**
   * Older versions go; so do temporary files a killed process left (an hour old: none is being
   * written).
   */
  private void removeOlder(FileKind kind, long version) throws IOException {
    for (long v : versions(kind)) {
      if (v < version) {
        Files.deleteIfExists(file(kind, v));
      }
    }
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName().toString().endsWith(".tmp")
            && Files.getLastModifiedTime(p).toMillis() < hourAgo) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private Path file(FileKind kind, long version) {
    return dir.resolve(kind.id() + "-" + version + ".avro");
  }

  /** The kind's fields present in the table, in the kind's order. */
  private static List<Field> fieldsOf(FileKind kind, Table rows) {
    return kind.fields().stream().filter(f -> rows.containsColumn(f.name())).toList();
  }

  private static Schema schema(List<Field> fields) {
    SchemaBuilder.FieldAssembler<Schema> assembler =
        SchemaBuilder.record("rows").namespace("app.rebound").fields();
    for (Field f : fields) {
      assembler =
          switch (f.type()) {
            // Text read back as java.lang.String at once, not as Avro's Utf8 copied again into a
            // String.
            case ID, TEXT ->
                assembler
                    .name(f.name())
                    .type(
                        SchemaBuilder.unionOf()
                            .nullType()
                            .and()
                            .stringBuilder()
                            .prop(GenericData.STRING_PROP, GenericData.StringType.String.name())
                            .endString()
                            .endUnion())
                    .withDefault(null);
            case INTEGER, DATE -> assembler.optionalInt(f.name());
            case DATETIME -> assembler.optionalLong(f.name());
            case MONEY, DECIMAL -> assembler.optionalDouble(f.name());
            case FLAG -> assembler.optionalBoolean(f.name());
          };
    }
    return assembler.endRecord();
  }

  /** The file's rows with the given fields, or empty when the file lacks one of them. */
  private static Optional<Table> read(Path file, FileKind kind, List<Field> fields)
      throws IOException {
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      Schema schema = reader.getSchema();
      int[] positions = new int[fields.size()];
      for (int i = 0; i < fields.size(); i++) {
        Schema.Field f = schema.getField(fields.get(i).name());
        if (f == null) {
          return Optional.empty();
        }
        positions[i] = f.pos();
      }
      Table table = KindTable.empty(kind);
      table.retainColumns(fields.stream().map(Field::name).toArray(String[]::new));
      List<Column<?>> columns =
          fields.stream().<Column<?>>map(f -> table.column(f.name())).toList();
      GenericRecord record = null;
      while (reader.hasNext()) {
        record = reader.next(record);
        for (int i = 0; i < fields.size(); i++) {
          appendAvro(columns.get(i), fields.get(i).type(), record.get(positions[i]));
        }
      }
      return Optional.of(table);
    }
  }

  private static Object toAvro(Column<?> column, int row) {
    if (column.isMissing(row)) {
      return null;
    }
    if (column instanceof StringColumn c) {
      return c.get(row);
    } else if (column instanceof IntColumn c) {
      return c.getInt(row);
    } else if (column instanceof DoubleColumn c) {
      return c.getDouble(row);
    } else if (column instanceof DateTimeColumn c) {
      return c.get(row).toEpochSecond(ZoneOffset.UTC);
    } else if (column instanceof DateColumn c) {
      return (int) c.get(row).toEpochDay();
    } else if (column instanceof BooleanColumn c) {
      return c.get(row);
    }
    throw new IllegalArgumentException("unsupported column " + column.name());
  }

  private static void appendAvro(Column<?> column, ValueType type, Object value) {
    if (value == null) {
      column.appendMissing();
      return;
    }
    switch (type) {
      case ID, TEXT -> ((StringColumn) column).append(value.toString());
      case INTEGER -> ((IntColumn) column).append((Integer) value);
      case DATE -> ((DateColumn) column).append(LocalDate.ofEpochDay((Integer) value));
      case DATETIME ->
          ((DateTimeColumn) column)
              .append(LocalDateTime.ofEpochSecond((Long) value, 0, ZoneOffset.UTC));
      case MONEY, DECIMAL -> ((DoubleColumn) column).append((Double) value);
      case FLAG -> ((BooleanColumn) column).append((Boolean) value);
    }
  }

  /**
   * The fields a snapshot of these requested fields holds: them and the kind's key (needed to
   * update it).
   */
  static List<Field> withKey(FileKind kind, List<Field> requested) {
    List<Field> out = new ArrayList<>();
    for (Field f : kind.fields()) {
      if (requested.contains(f) || kind.keyFields().contains(f.name())) {
        out.add(f);
      }
    }
    return out;
  }
}
