package dev.ladder.rag;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The file format of {@link InMemoryVectorStore#save}, version 1. All numbers are big-endian;
 * a string is an {@code int} byte length followed by that many bytes of UTF-8.
 *
 * <pre>
 * magic       4 bytes  "LDVS"
 * version     int      1
 * dimensions  int      0 when empty
 * count       int      number of entries
 * entries     count times:
 *   id        string
 *   text      string
 *   metadata  int n, then n times: key string, type byte, value
 *             (type 'S' string, 'I' int, 'J' long, 'D' double, 'Z' boolean byte 0/1)
 *   vector    dimensions floats (IEEE 754), normalised to unit length
 * checksum    long     CRC-32 of every byte before it
 * </pre>
 *
 * <p>Other {@link Number} types are written as doubles. Reading checks the magic, the version, every
 * length, the checksum and that nothing follows it, and fails with {@link VectorStoreFileException}
 * naming the first problem.
 */
public final class VectorStoreFile {

    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "LDVS".getBytes(StandardCharsets.US_ASCII);
    private static final int BATCH = 4096;

    private VectorStoreFile() {}

    static void write(Path file, int dimensions, int count, IntFunction<Chunk> chunks, IntFunction<float[]> vectors) {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream raw = Files.newOutputStream(temp);
                    DataOutputStream out = new DataOutputStream(
                            new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(dimensions);
                out.writeInt(count);
                for (int row = 0; row < count; row++) {
                    writeEntry(out, chunks.apply(row), vectors.apply(row));
                }
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException("cannot save vector store to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file}, handing entries to {@code sink} in batches, only after the checksum passed.
     * Known shortcoming: every entry is held in memory until then, so loading needs about twice the
     * store's size.
     */
    static void read(Path file, BiConsumer<List<Chunk>, List<float[]>> sink) {
        List<Chunk> chunks = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Reader reader = new Reader(file, raw);
            reader.header();
            for (int entry = 0; entry < reader.count; entry++) {
                chunks.add(reader.chunk(entry));
                vectors.add(reader.vector(entry));
            }
            reader.checksum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vector store file " + file + ": " + e.getMessage(), e);
        }
        for (int from = 0; from < chunks.size(); from += BATCH) {
            int to = Math.min(chunks.size(), from + BATCH);
            sink.accept(chunks.subList(from, to), vectors.subList(from, to));
        }
    }

    private static void writeEntry(DataOutputStream out, Chunk chunk, float[] vector) throws IOException {
        writeString(out, chunk.id());
        writeString(out, chunk.text());
        out.writeInt(chunk.metadata().size());
        for (Map.Entry<String, Object> entry : chunk.metadata().entrySet()) {
            writeString(out, entry.getKey());
            writeValue(out, entry.getValue());
        }
        for (float x : vector) {
            out.writeFloat(x);
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof String s) {
            out.writeByte('S');
            writeString(out, s);
        } else if (value instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeByte('Z');
            out.writeByte(b ? 1 : 0);
        } else {
            out.writeByte('D');
            out.writeDouble(((Number) value).doubleValue());
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void deleteQuietly(Path temp, IOException failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Reads one file, tracking where it is for messages. */
    private static final class Reader {

        private final Path file;
        private final CRC32 crc = new CRC32();
        private final InputStream raw;
        private final DataInputStream in;
        private int dimensions;
        private int count;

        Reader(Path file, InputStream raw) {
            this.file = file;
            this.raw = raw;
            this.in = new DataInputStream(new CheckedInputStream(raw, crc));
        }

        void header() throws IOException {
            byte[] magic = new byte[4];
            int read = in.readNBytes(magic, 0, 4);
            if (read < 4 || !java.util.Arrays.equals(magic, MAGIC)) {
                throw fail("is not a Ladder vector store file (it does not start with \"LDVS\")");
            }
            int version = readInt("the version");
            if (version != VERSION) {
                throw fail("has format version " + version + ", this Ladder reads version " + VERSION
                        + ": save it again with a matching Ladder version");
            }
            dimensions = readInt("the dimensions");
            count = readInt("the entry count");
            if (dimensions < 0 || count < 0 || (count > 0 && dimensions == 0)) {
                throw fail("is corrupt: header declares " + count + " entries of " + dimensions + " dimensions");
            }
        }

        Chunk chunk(int entry) throws IOException {
            String where = "entry " + entry;
            String id = readString("the id of " + where);
            String text = readString("the text of " + where);
            int size = readInt("the metadata size of " + where);
            if (size < 0 || size > 1 << 20) {
                throw fail("is corrupt: " + where + " declares " + size + " metadata entries");
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                String key = readString("a metadata key of " + where);
                metadata.put(key, readValue(where + " metadata '" + key + "'"));
            }
            return new Chunk(id, text, metadata);
        }

        float[] vector(int entry) throws IOException {
            float[] vector = new float[dimensions];
            try {
                for (int i = 0; i < dimensions; i++) {
                    vector[i] = in.readFloat();
                }
            } catch (EOFException e) {
                throw truncated("the vector of entry " + entry, e);
            }
            return vector;
        }

        void checksum() throws IOException {
            long computed = crc.getValue();
            long stored;
            try {
                stored = new DataInputStream(raw).readLong();
            } catch (EOFException e) {
                throw truncated("the checksum", e);
            }
            if (stored != computed) {
                throw fail("is corrupt: checksum mismatch (stored " + Long.toHexString(stored) + ", computed "
                        + Long.toHexString(computed) + ")");
            }
            if (raw.read() != -1) {
                throw fail("is corrupt: unexpected bytes after the checksum");
            }
        }

        private Object readValue(String where) throws IOException {
            int type = readByte("the type of " + where);
            try {
                return switch (type) {
                    case 'S' -> readString(where);
                    case 'I' -> in.readInt();
                    case 'J' -> in.readLong();
                    case 'D' -> in.readDouble();
                    case 'Z' -> in.readByte() != 0;
                    default -> throw fail("is corrupt: " + where + " has unknown type byte " + type);
                };
            } catch (EOFException e) {
                throw truncated(where, e);
            }
        }

        private String readString(String what) throws IOException {
            int length = readInt("the length of " + what);
            if (length < 0 || length > 1 << 28) {
                throw fail("is corrupt: " + what + " declares a length of " + length + " bytes");
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw truncated(what, null);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private int readInt(String what) throws IOException {
            try {
                return in.readInt();
            } catch (EOFException e) {
                throw truncated(what, e);
            }
        }

        private int readByte(String what) throws IOException {
            try {
                return in.readUnsignedByte();
            } catch (EOFException e) {
                throw truncated(what, e);
            }
        }

        private VectorStoreFileException truncated(String what, EOFException cause) {
            return new VectorStoreFileException(
                    "vector store file " + file + " is truncated: it ends while " + "reading " + what, cause);
        }

        private VectorStoreFileException fail(String problem) {
            return new VectorStoreFileException("vector store file " + file + " " + problem);
        }
    }
}
