package org.encounter.identity;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads people for the password check and stores a stronger hash after a successful sign-in
 * (an old {@code {bcrypt}} hash is replaced by the current default, see SecurityConfig).
 * Failed sign-ins are counted by {@link SignInThrottle}, not here.
 */
@Service
class SignInService implements UserDetailsService, UserDetailsPasswordService {

    private final PersonRepository people;
    private final PartnershipRepository partnerships;

    SignInService(PersonRepository people, PartnershipRepository partnerships) {
        this.people = people;
        this.partnerships = partnerships;
    }

    /** The person with their hash, for the password check only (see {@link EncounterUser}). */
    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Person person = people.findByEmail(Person.normaliseEmail(username))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return principal(person).withPassword(person.getPasswordHash());
    }

    /** The person as the session keeps them: no hash. */
    EncounterUser principal(Person person) {
        return new EncounterUser(person.getId(), person.getEmail(), null, person.getDisplayName(),
                person.getLanguage(), person.isEnabled(),
                authorities(person));
    }

    private java.util.List<SimpleGrantedAuthority> authorities(Person person) {
        var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
        person.getRoles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        if (!partnerships.coordinatedBy(person.getId()).isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.Names.COORDINATOR));
        }
        return authorities;
    }

    /**
     * Replaces the hash the person just signed in with. Only if it is still that hash: a password
     * changed meanwhile (another tab) is never overwritten with the old one. Bypasses the entity's
     * version on purpose, so two sign-ins at once cannot fail each other.
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newHash) {
        EncounterUser signingIn = (EncounterUser) user;
        people.replacePasswordHash(signingIn.personId(), signingIn.getPassword(), newHash);
        return signingIn.withPassword(newHash);
    }
}
