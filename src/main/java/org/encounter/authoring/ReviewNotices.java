package org.encounter.authoring;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.base.NotifyPerson;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who is told what as a module goes through review: the curator panel when it is sent, its authors when changes are
 * asked, a comment is left or it is published. Never the person who acted, never a curator about their own module.
 * Each notice names the occurrence (transition, comment, version), so the second request for changes is told too.
 */
@Component
class ReviewNotices {

    private final ModuleAuthorRepository authors;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher events;

    ReviewNotices(ModuleAuthorRepository authors, PersonDirectory directory, ApplicationEventPublisher events) {
        this.authors = authors;
        this.directory = directory;
        this.events = events;
    }

    /**
     * To every curator who may review it, as {@link ModuleAccess#reviewable} decides: of the host organisation or a
     * current partner of it, and not its own authors.
     */
    void submitted(Module m, ModuleTransition sent) {
        Set<Long> own = authorsOf(m);
        directory.holdingAround(Role.CURATOR, m.getOrganisationId()).stream().filter(id -> !own.contains(id)).sorted().forEach(curator ->
                tell(curator, "module-submitted", "transition:" + sent.getId(), "notify.module-submitted",
                        List.of(m.getTitle()), "review/" + m.getId()));
    }

    void changesRequested(Module m, ModuleTransition asked) {
        toAuthors(m, asked.getActorId(), "module-changes-requested", "transition:" + asked.getId(),
                "notify.module-changes-requested", List.of(m.getTitle()));
    }

    void commented(Module m, StepComment comment, String by) {
        toAuthors(m, comment.getAuthorId(), "module-comment", "comment:" + comment.getId(), "notify.module-comment",
                List.of(m.getTitle(), by));
    }

    void published(Module m, ModuleVersion version, long by) {
        toAuthors(m, by, "module-published", "version:" + version.getId(), "notify.module-published",
                List.of(m.getTitle(), String.valueOf(version.getNumber())));
    }

    private void toAuthors(Module m, long actor, String kind, String ref, String key, List<String> args) {
        authorsOf(m).stream().filter(id -> id != actor).sorted().forEach(author ->
                tell(author, kind, ref, key, args, "authoring/" + m.getId()));
    }

    private Set<Long> authorsOf(Module m) {
        return authors.findByModule(m.getId()).stream().map(ModuleAuthor::personId).collect(Collectors.toSet());
    }

    private void tell(long person, String kind, String ref, String key, List<String> args, String link) {
        events.publishEvent(new NotifyPerson(person, kind, ref, key, args, link));
    }
}
