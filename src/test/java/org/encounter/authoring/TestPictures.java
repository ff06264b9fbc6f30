package org.encounter.authoring;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Pictures that are small as files and huge once decoded, written chunk by chunk so the test itself
 * never holds the decoded picture (a 16-bit RGBA 7000×7000 PNG is 392 MB of pixels).
 */
public final class TestPictures {

    private TestPictures() {
    }

    /**
     * A 16-bit RGBA PNG of colour bands: every row repeats the one above (PNG "Up" filter), so
     * 7000×7000 pixels compress to a few hundred KB.
     */
    public static Path sixteenBitPng(Path file, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", ihdr.array());
            ChunkStream idat = new ChunkStream(out);
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.DEFAULT_COMPRESSION), 1 << 16)) {
                byte[] row = new byte[1 + width * 8];
                byte[] same = new byte[1 + width * 8];
                same[0] = 2; // "Up": each byte equals the one above, so all zeros
                for (int y = 0; y < height; y++) {
                    if (y % 500 == 0) {
                        fillBand(row, width, y / 500);
                        deflate.write(row);
                    } else {
                        deflate.write(same);
                    }
                }
            }
            idat.flushChunk();
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void fillBand(byte[] row, int width, int band) {
        row[0] = 0; // no filter: the pixels as they are
        for (int x = 0; x < width; x++) {
            int i = 1 + x * 8;
            int column = x / 500;
            putShort(row, i, (column * 4_000 + band * 1_000) & 0xffff);
            putShort(row, i + 2, (band * 4_500) & 0xffff);
            putShort(row, i + 4, (column * 4_500) & 0xffff);
            putShort(row, i + 6, 0xffff - band * 2_000);
        }
    }

    private static void putShort(byte[] row, int at, int value) {
        row[at] = (byte) (value >> 8);
        row[at + 1] = (byte) value;
    }

    /** A PNG signature and an IHDR chunk declaring the given size, and no pixel data. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            chunk(png, "IHDR", ihdr.array());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return png.toByteArray();
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    /** Cuts the compressed stream into IDAT chunks of at most 64 KB. */
    private static final class ChunkStream extends OutputStream {
        private final OutputStream out;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        ChunkStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            pending.write(b);
            if (pending.size() >= 1 << 16) {
                flushChunk();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            if (pending.size() >= 1 << 16) {
                flushChunk();
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }

        void flushChunk() throws IOException {
            if (pending.size() > 0) {
                chunk(out, "IDAT", pending.toByteArray());
                pending.reset();
            }
        }
    }
}
