package org.encounter.authoring;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.encounter.authoring.ImageService.StoredImage;
import org.encounter.base.InvalidInputException;

/**
 * Checks and re-encodes one picture with bounded memory. The real content decides (magic bytes and a
 * full decode, never the file name); sizes are refused from the header before any pixel is decoded;
 * and a large picture is decoded already thinned out (every n-th pixel) so that its pixels stay
 * within {@value #DECODE_BUDGET_MB} MB and, with Java2D's conversion buffer and the scaled copy,
 * the whole decode within about 64 MB (a 16-bit 7000×7000 PNG would need 392 MB decoded whole).
 * Re-encoding drops every piece of metadata such as a GPS position.
 */
final class ImageCodec {

    static final int MAX_SIDE = 1600;
    static final int MAX_SOURCE_SIDE = 12_000;
    static final long MAX_SOURCE_PIXELS = 50_000_000L;
    /** The decoded pixels may take this much; drawing them scaled may need as much again, briefly. */
    static final int DECODE_BUDGET_MB = 32;
    private static final long DECODE_BUDGET = DECODE_BUDGET_MB * 1024L * 1024;

    private ImageCodec() {
    }

    static StoredImage reencode(Path file, long size, long maxBytes) {
        checkSize(size, maxBytes);
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            return reencode(in);
        } catch (IOException e) {
            throw new InvalidInputException("image", "image.malformed");
        }
    }

    static StoredImage reencode(byte[] data, long maxBytes) {
        checkSize(data == null ? 0 : data.length, maxBytes);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            return reencode(in);
        } catch (IOException e) {
            throw new InvalidInputException("image", "image.malformed");
        }
    }

    private static void checkSize(long size, long maxBytes) {
        if (size <= 0) {
            throw new InvalidInputException("image", "image.empty");
        }
        if (size > maxBytes) {
            throw new InvalidInputException("image", "image.too-large", maxBytes / (1024 * 1024));
        }
    }

    private static StoredImage reencode(ImageInputStream in) throws IOException {
        byte[] head = new byte[12];
        in.mark();
        int read = in.read(head);
        in.reset();
        if (read < head.length || !looksLikeImage(head)) {
            throw new InvalidInputException("image", "image.not-an-image");
        }
        BufferedImage scaled = scale(decode(in));
        boolean alpha = scaled.getColorModel().hasAlpha();
        byte[] out = alpha ? writePng(scaled) : writeJpeg(scaled);
        return new StoredImage(alpha ? "image/png" : "image/jpeg", out, scaled.getWidth(), scaled.getHeight());
    }

    /** JPEG, PNG or GIF, by their first bytes. */
    static boolean looksLikeImage(byte[] d) {
        boolean jpeg = d.length > 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF;
        boolean png = d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
        boolean gif = d.length > 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8';
        return jpeg || png || gif;
    }

    private static BufferedImage decode(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new InvalidInputException("image", "image.not-an-image");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            // Refuse decompression bombs from the header, before any pixel is decoded.
            if (width <= 0 || height <= 0 || width > MAX_SOURCE_SIDE || height > MAX_SOURCE_SIDE
                    || (long) width * height > MAX_SOURCE_PIXELS) {
                throw new InvalidInputException("image", "image.too-many-pixels", MAX_SOURCE_SIDE);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height, bytesPerPixel(reader));
            param.setSourceSubsampling(step, step, 0, 0);
            // A truncated or corrupt file often decodes "with warnings": refuse it rather than store half a picture.
            AtomicBoolean damaged = new AtomicBoolean();
            reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
            BufferedImage image = reader.read(0, param);
            if (image == null || damaged.get()) {
                throw new InvalidInputException("image", "image.malformed");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("image", "image.malformed");
        } finally {
            reader.dispose();
        }
    }

    /**
     * The smallest n such that every n-th pixel of every n-th row fits the budget. Counted at no less
     * than 4 bytes a pixel: drawing a picture of an unusual type (16-bit, grey) converts it to 4-byte
     * pixels first.
     */
    static int subsampling(int width, int height, int bytesPerPixel) {
        long perPixel = Math.max(4, bytesPerPixel);
        int step = 1;
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) * perPixel > DECODE_BUDGET) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** What one decoded pixel takes, from the reader's idea of the picture; 8 (16-bit RGBA) when unsure. */
    private static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        return type == null ? 8 : Math.max(1, (type.getColorModel().getPixelSize() + 7) / 8);
    }

    private static BufferedImage scale(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(tw, th, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] writeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] writePng(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
