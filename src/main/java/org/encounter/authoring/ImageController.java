package org.encounter.authoring;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves stored images to people who may read a module that uses them (see {@link ImageService#load}); keys are
 * random, and stored images never change. Anyone else gets "not found". */
@RestController
class ImageController {

    private final ImageService images;

    ImageController(ImageService images) {
        this.images = images;
    }

    @GetMapping("/media/{key}")
    ResponseEntity<byte[]> image(@PathVariable String key) {
        return images.load(key)
                .map(i -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(i.mediaType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate().immutable())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(i.content()))
                .orElse(ResponseEntity.notFound().build());
    }
}
