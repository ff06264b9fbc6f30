package org.encounter.authoring;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.encounter.base.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded images are checked on the server — size, real content (magic bytes and a full decode,
 * never the file name), dimensions before decoding — then re-encoded, which drops every piece of
 * metadata such as GPS position, scaled to at most {@value #MAX_SIDE} px, and stored in the database.
 */
@Service
public class ImageService {

    public static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_SIDE = 1600;
    private static final int MAX_SOURCE_SIDE = 12_000;
    private static final long MAX_SOURCE_PIXELS = 50_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record StoredImage(String mediaType, byte[] content, int width, int height) {
    }

    private final ModuleImageRepository images;
    private final ModuleAccess access;
    private final Clock clock;

    ImageService(ModuleImageRepository images, ModuleAccess access, Clock clock) {
        this.images = images;
        this.access = access;
        this.clock = clock;
    }

    /** Stores an image for a module its author is editing; returns the key to reference it by. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String upload(long moduleId, byte[] data) {
        access.editable(moduleId);
        return store(moduleId, data);
    }

    /** Also used to seed the demo world, where nobody is signed in. */
    @Transactional
    String store(long moduleId, byte[] data) {
        StoredImage clean = reencode(data);
        String key = newKey();
        images.save(new ModuleImage(key, moduleId, clean.mediaType(), clean.width(), clean.height(), clean.content(),
                clock.instant()));
        return key;
    }

    @Transactional(readOnly = true)
    public Optional<StoredImage> load(String key) {
        if (key == null || !key.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return images.findByPublicKey(key)
                .map(i -> new StoredImage(i.getMediaType(), i.getContent(), i.getWidth(), i.getHeight()));
    }

    static StoredImage reencode(byte[] data) {
        if (data == null || data.length == 0) {
            throw new InvalidInputException("image", "image.empty");
        }
        if (data.length > MAX_BYTES) {
            throw new InvalidInputException("image", "image.too-large", MAX_BYTES / (1024 * 1024));
        }
        if (!looksLikeImage(data)) {
            throw new InvalidInputException("image", "image.not-an-image");
        }
        BufferedImage source = decode(data);
        BufferedImage scaled = scale(source);
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

    private static BufferedImage decode(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
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
                // A truncated or corrupt file often decodes "with warnings": refuse it rather than store half a picture.
                java.util.concurrent.atomic.AtomicBoolean damaged = new java.util.concurrent.atomic.AtomicBoolean();
                reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
                BufferedImage image = reader.read(0);
                if (image == null || damaged.get()) {
                    throw new InvalidInputException("image", "image.malformed");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("image", "image.malformed");
        }
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

    private static String newKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
