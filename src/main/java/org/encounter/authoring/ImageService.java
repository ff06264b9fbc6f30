package org.encounter.authoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.encounter.base.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded images are checked and re-encoded on the server ({@link ImageCodec}: content, not name;
 * dimensions before decoding; bounded memory), scaled to at most {@value ImageCodec#MAX_SIDE} px
 * without metadata, and stored in the database. Only a few decode at once ({@link DecodeGate}).
 */
@Service
public class ImageService {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record StoredImage(String mediaType, byte[] content, int width, int height) {
    }

    private final ModuleImageRepository images;
    private final ModuleAccess access;
    private final ModuleVersionRepository versions;
    private final Clock clock;
    private final DecodeGate gate;
    private final long maxBytes;

    ImageService(ModuleImageRepository images, ModuleAccess access, ModuleVersionRepository versions, Clock clock,
                 DecodeGate gate,
                 @Value("${encounter.uploads.max-bytes:8MB}") DataSize maxBytes) {
        this.images = images;
        this.access = access;
        this.versions = versions;
        this.clock = clock;
        this.gate = gate;
        this.maxBytes = maxBytes.toBytes();
    }

    /** The largest upload accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores an uploaded file as an image of a module its author is editing; returns the key to
     * reference it by. Not one transaction: no database connection is held while a picture decodes.
     */
    @PreAuthorize("isAuthenticated()")
    public String upload(long moduleId, Path file) {
        access.editable(moduleId);
        long size = sizeOf(file);
        StoredImage clean = gate.decode(() -> ImageCodec.reencode(file, size, maxBytes));
        return save(moduleId, clean);
    }

    /** Also used to seed the demo world, where nobody is signed in. */
    @Transactional
    String store(long moduleId, byte[] data) {
        return save(moduleId, ImageCodec.reencode(data, maxBytes));
    }

    private String save(long moduleId, StoredImage clean) {
        String key = newKey();
        images.save(new ModuleImage(key, moduleId, clean.mediaType(), clean.width(), clean.height(), clean.content(),
                clock.instant()));
        return key;
    }

    /**
     * An image, for someone who may read a module that uses it: a published version of its module (which every
     * signed-in person may read), or the module's working copy (its authors; reviewers once it left the draft).
     * To anyone else it does not exist.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<StoredImage> load(String key) {
        if (key == null || !key.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return images.findByPublicKey(key)
                .filter(i -> versions.anyUses(i.getModuleId(), key) || access.mayReadWorkingCopy(i.getModuleId()))
                .map(i -> new StoredImage(i.getMediaType(), i.getContent(), i.getWidth(), i.getHeight()));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException("image", "image.malformed");
        }
    }

    private static String newKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
