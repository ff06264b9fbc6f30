package org.encounter.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the demo world (see the README for their logins), created on the first start of
 * an empty database. It never touches a database that already has people or organisations.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "encounter.demo.enabled", havingValue = "true")
class DemoWorld implements ApplicationRunner {

    static final String DOMAIN = "@demo.encounter.example";
    private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final TeamRepository teams;
    private final PartnershipRepository partnerships;
    private final PartnershipMemberRepository partnershipMembers;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String password;

    DemoWorld(OrganisationRepository organisations, PersonRepository people, TeamRepository teams,
              PartnershipRepository partnerships, PartnershipMemberRepository partnershipMembers,
              PasswordEncoder encoder, Clock clock, @Value("${encounter.demo.password}") String password) {
        this.organisations = organisations;
        this.people = people;
        this.teams = teams;
        this.partnerships = partnerships;
        this.partnershipMembers = partnershipMembers;
        this.encoder = encoder;
        this.clock = clock;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0 || people.count() > 0) {
            log.info("Database already has data: the demo world is not created");
            return;
        }
        Instant now = clock.instant();
        String hash = encoder.encode(password);
        Organisation city = organisations.save(new Organisation("City of Aurajoki Youth and Community Services", now));
        Map<String, Person> byKey = new HashMap<>();
        Object[][] demo = {
            // key, display name, registered name (what certificates print), language, roles
            {"admin", "Helena Virtanen", "Helena Virtanen", "en", EnumSet.of(Role.ADMIN)},
            {"mikko", "Mikko Laine", "Mikko Laine", "fi", EnumSet.of(Role.MANAGER, Role.LEARNER)},
            {"fiona", "Fiona MacLeod", "Fiona MacLeod", "en", EnumSet.of(Role.MANAGER, Role.LEARNER)},
            {"sanna", "Sanna Nieminen", "Sanna Nieminen", "fi", EnumSet.of(Role.LEARNER)},
            {"jussi", "Jussi Korhonen", "Jussi Korhonen", "fi", EnumSet.of(Role.LEARNER)},
            {"asa", "Åsa Öberg", "Åsa Öberg", "sv", EnumSet.of(Role.LEARNER)},
            {"leo", "Leo Mäkinen", "Leo Mäkinen", "fi", EnumSet.of(Role.LEARNER)},
            {"olga", "Ольга Петрова", "Ольга Петрова", "en", EnumSet.of(Role.LEARNER)},
            {"callum", "Callum Reid", "Callum Reid", "en", EnumSet.of(Role.LEARNER)},
            {"zoe", "Zoë Nic Dhòmhnaill", "Zoë Nic Dhòmhnaill", "en", EnumSet.of(Role.LEARNER)},
            {"ahmed", "Ahmed Hassan", "Ahmed Hassan", "en", EnumSet.of(Role.LEARNER)},
            {"tuula", "Tuula Heikkinen", "Tuula Heikkinen", "fi",
                EnumSet.of(Role.FACILITATOR, Role.CURATOR, Role.LEARNER)},
            {"kaisa", "Kaisa Salo", "Kaisa Salo", "fi", EnumSet.of(Role.CURATOR, Role.LEARNER)},
            {"emma", "Emma", "Emma Lehtonen", "fi", EnumSet.of(Role.AUTHOR)},
            {"noor", "Noor", "Noor Ahmadi", "en", EnumSet.of(Role.AUTHOR, Role.CURATOR)},
            {"eetu", "Eetu", "Eetu Rantanen", "fi", EnumSet.of(Role.AUTHOR)},
            {"ruby", "Ruby", "Ruby Campbell", "en", EnumSet.of(Role.AUTHOR)},
            {"riikka", "Riikka Järvinen", "Riikka Järvinen", "fi", EnumSet.of(Role.ORG_ADMIN)},
        };
        for (Object[] row : demo) {
            String key = (String) row[0];
            Person person = new Person(city, key + DOMAIN, (String) row[1], (String) row[2], hash, now);
            person.changeLanguage((String) row[3]);
            @SuppressWarnings("unchecked")
            Set<Role> roles = (Set<Role>) row[4];
            person.assignRoles(roles);
            byKey.put(key, people.save(person));
        }
        // One open request, so an admin's People page shows how a change of registered name is decided.
        byKey.get("kaisa").requestRegisteredName("Kaisa Salo-Lindqvist", now);
        Team youth = new Team(city, "Youth Services", now);
        youth.replaceManagers(Set.of(byKey.get("mikko")));
        youth.replaceMembers(Set.of(byKey.get("sanna"), byKey.get("jussi"), byKey.get("asa"), byKey.get("leo"),
                byKey.get("tuula"), byKey.get("kaisa")));
        Team policing = new Team(city, "Community Policing", now);
        policing.replaceManagers(Set.of(byKey.get("fiona")));
        policing.replaceMembers(Set.of(byKey.get("olga"), byKey.get("callum"), byKey.get("zoe"), byKey.get("ahmed")));
        teams.save(youth);
        teams.save(policing);
        Organisation wellbeing = createWellbeingServices(hash, now);
        createOneAurajoki(city, wellbeing, hash, now);
        log.info("Demo world created: {} people in 2 teams, four more organisations and the partnership One Aurajoki;"
                + " logins are in the README", demo.length);
    }

    /** A second organisation with its own admin and people, which the city's organisation admin never sees. */
    private Organisation createWellbeingServices(String hash, Instant now) {
        Organisation wellbeing = organisations.save(new Organisation("Aurajoki Wellbeing Services County", now));
        Object[][] demo = {
            {"ville", "Ville Aaltonen", "sv", EnumSet.of(Role.ORG_ADMIN)},
            {"elina", "Elina Lindholm", "sv", EnumSet.of(Role.LEARNER)},
            {"matti", "Matti Koskinen", "fi", EnumSet.of(Role.LEARNER)},
        };
        Set<Person> staff = new java.util.HashSet<>();
        for (Object[] row : demo) {
            Person person = new Person(wellbeing, row[0] + DOMAIN, (String) row[1], (String) row[1], hash, now);
            person.changeLanguage((String) row[2]);
            @SuppressWarnings("unchecked")
            Set<Role> roles = (Set<Role>) row[3];
            person.assignRoles(roles);
            Person saved = people.save(person);
            if (roles.contains(Role.LEARNER)) {
                staff.add(saved);
            }
        }
        Team family = new Team(wellbeing, "Family Support", now);
        family.replaceMembers(staff);
        teams.save(family);
        return wellbeing;
    }

    /**
     * The partnership "One Aurajoki" of the city, the wellbeing services county, the police and the youth council,
     * coordinated by Kirsi of the city; and Northvale District Council outside it, with its own admin, which nobody
     * in the partnership sees.
     */
    private void createOneAurajoki(Organisation city, Organisation wellbeing, String hash, Instant now) {
        Organisation police = organisations.save(new Organisation("Aurajoki Police Department", now));
        Organisation youthCouncil = organisations.save(new Organisation("Aurajoki Youth Council", now));
        Organisation northvale = organisations.save(new Organisation("Northvale District Council", now));
        Person kirsi = new Person(city, "kirsi" + DOMAIN, "Kirsi Lahtinen", "Kirsi Lahtinen", hash, now);
        kirsi.changeLanguage("fi");
        kirsi.assignRoles(EnumSet.of(Role.LEARNER));
        people.save(kirsi);
        Person nils = new Person(northvale, "nils" + DOMAIN, "Nils Berg", "Nils Berg", hash, now);
        nils.changeLanguage("en");
        nils.assignRoles(EnumSet.of(Role.ORG_ADMIN));
        people.save(nils);
        Partnership oneAurajoki = new Partnership("One Aurajoki", now);
        oneAurajoki.appoint(kirsi);
        partnerships.save(oneAurajoki);
        for (Organisation member : new Organisation[] {city, wellbeing, police, youthCouncil}) {
            partnershipMembers.save(new PartnershipMember(oneAurajoki, member, now));
        }
        // Leaders of the police, the youth council and the county for the Leadership Exchange (in no team: nobody
        // manages them here, so their applications need no manager's word).
        Object[][] leaders = {
            {police, "pekka", "Pekka Virta", "fi"}, {police, "hanna", "Hanna Koivisto", "fi"},
            {police, "markus", "Markus Nyberg", "sv"}, {youthCouncil, "aino", "Aino Rautio", "fi"},
            {youthCouncil, "oskari", "Oskari Lind", "sv"}, {youthCouncil, "venla", "Venla Heino", "fi"},
            {wellbeing, "tiina", "Tiina Saarinen", "fi"}, {wellbeing, "juha", "Juha Lehto", "fi"},
        };
        for (Object[] row : leaders) {
            Person leader = new Person((Organisation) row[0], row[1] + DOMAIN, (String) row[2], (String) row[2], hash,
                    now);
            leader.changeLanguage((String) row[3]);
            leader.assignRoles(EnumSet.of(Role.LEARNER));
            people.save(leader);
        }
    }
}
