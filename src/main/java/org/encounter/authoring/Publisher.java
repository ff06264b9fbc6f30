package org.encounter.authoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.encounter.base.StoredText;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Freezes the working copy into the next immutable version. */
@Component
class Publisher {

    /** The frozen content of a version, as JSON in module_version.content. */
    record Snapshot(String title, String summary, String audience, Integer estimatedMinutes, String language,
                    List<String> themes, List<String> statements, String coverImageKey, List<String> credits,
                    List<StepContent> steps) {
    }

    static final JsonMapper JSON = OptionsJson.JSON;

    private final ModuleVersionRepository versions;
    private final ModuleAuthorRepository authors;

    Publisher(ModuleVersionRepository versions, ModuleAuthorRepository authors) {
        this.versions = versions;
        this.authors = authors;
    }

    ModuleVersion freeze(Module m, long publisherId, Instant now) {
        int number = versions.findTopByModuleIdOrderByNumberDesc(m.getId()).map(v -> v.getNumber() + 1).orElse(1);
        Snapshot snapshot = snapshot(m);
        String credits = String.join(", ", snapshot.credits());
        return versions.save(new ModuleVersion(m.getId(), number, m.getTitle(), m.getLanguage(), now, publisherId,
                JSON.writeValueAsString(snapshot), m.getSummary(), m.getEstimatedMinutes(), m.getThemes(),
                StoredText.truncate(credits, 1000), m.getValidityMonths()));
    }

    /**
     * Names the content that publishing would freeze now (everything a reviewer reads, validity included), so a
     * curator's decision can be tied to what they saw: any change to it gives another revision.
     */
    String revision(Module m) {
        byte[] content = (JSON.writeValueAsString(snapshot(m)) + "|" + m.getValidityMonths())
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Snapshot snapshot(Module m) {
        return new Snapshot(m.getTitle(), m.getSummary(), m.getAudience(), m.getEstimatedMinutes(),
                m.getLanguage(), m.getThemes() == null ? List.of() : Arrays.asList(m.getThemes().split(",")),
                m.statements(), m.getCoverImageKey(),
                authors.findByModule(m.getId()).stream().map(ModuleAuthor::getCredit).toList(),
                m.getSteps().stream().map(ModuleStep::content).toList());
    }

    static PublishedModule read(ModuleVersion v) {
        Snapshot s = JSON.readValue(v.getContent(), Snapshot.class);
        return new PublishedModule(v.getId(), v.getModuleId(), v.getNumber(), v.getPublishedAt(), s.title(), s.summary(),
                s.audience(), s.estimatedMinutes(), s.language(), s.themes(), s.statements(), s.coverImageKey(),
                s.credits(), s.steps(), v.getValidityMonths());
    }
}
