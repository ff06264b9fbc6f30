package org.encounter.authoring;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A re-encoded image, stored in the database so every app node serves it. Never changed once stored. */
@Entity
@Table(name = "module_image")
class ModuleImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_key", nullable = false, length = 32)
    private String publicKey;

    @Column(name = "module_id", nullable = false)
    private Long moduleId;

    @Column(name = "media_type", nullable = false, length = 30)
    private String mediaType;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "LONGBLOB")
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModuleImage() {
    }

    ModuleImage(String publicKey, Long moduleId, String mediaType, int width, int height, byte[] content, Instant now) {
        this.publicKey = publicKey;
        this.moduleId = moduleId;
        this.mediaType = mediaType;
        this.width = width;
        this.height = height;
        this.content = content;
        this.createdAt = now;
    }

    String getPublicKey() {
        return publicKey;
    }

    Long getModuleId() {
        return moduleId;
    }

    String getMediaType() {
        return mediaType;
    }

    byte[] getContent() {
        return content;
    }

    int getWidth() {
        return width;
    }

    int getHeight() {
        return height;
    }
}
