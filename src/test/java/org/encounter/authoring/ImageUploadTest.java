package org.encounter.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Uploads are judged by their content, never their name, and re-encoded before they are stored. */
class ImageUploadTest {

    private static final long MAX_BYTES = 8L * 1024 * 1024;

    @Test
    void a_real_photo_is_reencoded_scaled_and_loses_its_metadata() throws IOException {
        byte[] withGps = insertExif(jpeg(3000, 2000));
        assertThat(new String(withGps, StandardCharsets.ISO_8859_1)).contains("Exif", "GPSLatitude 60.4518");

        ImageService.StoredImage stored = ImageCodec.reencode(withGps, MAX_BYTES);

        assertThat(stored.mediaType()).isEqualTo("image/jpeg");
        assertThat(stored.width()).isEqualTo(1600);
        assertThat(stored.height()).isEqualTo(1067);
        String text = new String(stored.content(), StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("GPS");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored.content())).getWidth()).isEqualTo(1600);
    }

    @Test
    void a_png_with_transparency_stays_a_png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        assertThat(ImageCodec.reencode(out.toByteArray(), MAX_BYTES).mediaType()).isEqualTo("image/png");
    }

    @Test
    void a_renamed_executable_is_refused() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(exe, "image.not-an-image");
        assertRefused("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "image.not-an-image");
        assertRefused("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8),
                "image.not-an-image");
    }

    @Test
    void a_truncated_image_is_refused() throws IOException {
        byte[] full = jpeg(800, 600);
        assertRefused(Arrays.copyOf(full, full.length / 3), "image.malformed");
        assertRefused("GIF89a<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1), "image.malformed");
    }

    @Test
    void huge_dimensions_are_refused_before_decoding() {
        assertRefused(pngHeaderOnly(60_000, 60_000), "image.too-many-pixels");
        assertRefused(pngHeaderOnly(11_000, 11_000), "image.too-many-pixels");
    }

    @Test
    void an_oversized_or_empty_upload_is_refused() {
        byte[] big = new byte[(int) MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertRefused(big, "image.too-large");
        assertRefused(new byte[0], "image.empty");
    }

    private static void assertRefused(byte[] data, String key) {
        assertThatThrownBy(() -> ImageCodec.reencode(data, MAX_BYTES)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo(key));
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(30, 120, 110));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A JPEG with an APP1 "Exif" segment carrying a GPS position, as phones write them. */
    private static byte[] insertExif(byte[] jpeg) {
        byte[] payload = "Exif\0\0MM\0*GPSLatitude 60.4518 GPSLongitude 22.2666".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        buffer.put(jpeg, 0, 2);
        buffer.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        buffer.put(jpeg, 2, jpeg.length - 2);
        return buffer.array();
    }

    /** A PNG signature and an IHDR chunk declaring the given size, and no pixel data. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.ISO_8859_1)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
