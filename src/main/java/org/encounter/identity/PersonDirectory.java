package org.encounter.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names of people for other features (credits, comments, pickers): display names only, nothing private. */
@Service
@Transactional(readOnly = true)
public class PersonDirectory {

    private final PersonRepository people;

    PersonDirectory(PersonRepository people) {
        this.people = people;
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId, Person::getDisplayName));
    }

    public Optional<PersonRef> find(long id) {
        return people.findById(id).map(PersonRef::of);
    }

    /** For picking a co-author: enabled people whose name matches, at least three letters typed. */
    @PreAuthorize("isAuthenticated()")
    public List<PersonRef> search(String text, int limit) {
        if (text == null || text.strip().length() < 3) {
            return List.of();
        }
        return people.search(text.strip(), PageRequest.of(0, Math.min(limit, 20), Sort.by("displayName")))
                .filter(Person::isEnabled).map(PersonRef::of).toList();
    }

    /** E-mail addresses by id, server side: for a manager's exports, after the service checked they may follow them. */
    public Map<Long, String> emails(Collection<Long> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId, Person::getEmail));
    }

    /** Where and in which language to write to someone (server side only: e-mail notifications). */
    @Transactional(readOnly = true)
    public Optional<Contact> contact(long id) {
        return people.findById(id).filter(Person::isEnabled)
                .map(p -> new Contact(p.getEmail(), p.getDisplayName(), p.getLanguage(), p.getOrganisation().getName()));
    }

    public record Contact(String email, String displayName, String language, String organisation) {
    }

    /** Of these people, the enabled ones who hold the role: for checking who may join or co-run something. */
    public java.util.Set<Long> having(Collection<Long> ids, Role role) {
        return people.findAllById(ids).stream().filter(p -> p.isEnabled() && p.getRoles().contains(role))
                .map(Person::getId).collect(Collectors.toSet());
    }

    /** Server-side look-up (e.g. seeding the demo world); never exposed to a browser. */
    public Optional<Long> idByEmail(String email) {
        return people.findByEmail(Person.normaliseEmail(email)).map(Person::getId);
    }
}
