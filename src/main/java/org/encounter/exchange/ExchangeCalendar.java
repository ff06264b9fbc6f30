package org.encounter.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.encounter.base.RecordNotFound;
import org.encounter.identity.OrganisationNames;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A visit as iCalendar (RFC 5545), for either partner: an all-day event on the visit's day (a shadowing day has no
 * fixed hours and no time zone to get wrong), with the host's organisation and place, and what the guest shadows.
 * The UID stays; SEQUENCE goes up when the day or place moves, so a second import updates the event.
 */
@Service
@Transactional(readOnly = true)
@jakarta.annotation.security.RolesAllowed(Role.Names.LEARNER)
public class ExchangeCalendar {

    private static final String PRODUCT = "-//Encounter//Leadership Exchange//EN";

    private final ExchangeVisitRepository visits;
    private final ExchangeApplicationRepository applications;
    private final ExchangeRoundRepository rounds;
    private final ExchangeAccess access;
    private final PersonDirectory directory;
    private final OrganisationNames names;
    private final String publicUrl;
    private final String host;

    ExchangeCalendar(ExchangeVisitRepository visits, ExchangeApplicationRepository applications,
                     ExchangeRoundRepository rounds, ExchangeAccess access, PersonDirectory directory,
                     OrganisationNames names, @Value("${encounter.public-url}") String publicUrl) {
        this.visits = visits;
        this.applications = applications;
        this.rounds = rounds;
        this.access = access;
        this.directory = directory;
        this.names = names;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.host = java.net.URI.create(this.publicUrl).getHost();
    }

    /** One visit of a pair the signed-in leader is in; anyone else's is "not found". */
    public byte[] visit(long visitId) {
        ExchangeVisit visit = visits.findById(visitId).orElseThrow(() -> new RecordNotFound("exchange visit", visitId));
        ExchangeAccess.Mine mine = access.mine(visit.getPairId());
        ExchangeRound round = rounds.findById(mine.pair().getRoundId()).orElseThrow();
        ExchangeApplication hostApplication = applications.findById(visit.getHostId()).orElseThrow();
        String hostName = directory.displayNames(List.of(hostApplication.getPersonId()))
                .getOrDefault(hostApplication.getPersonId(), "");
        String organisation = names.organisations(List.of(hostApplication.getOrganisationId()))
                .getOrDefault(hostApplication.getOrganisationId(), "");
        VEvent event = new VEvent(visit.getDate(), visit.getDate().plusDays(1),
                round.getName() + ": " + hostName + ", " + organisation);
        event.add(new Uid("exchange-visit-" + visit.getId() + "@" + host));
        event.add(new Sequence(visit.getSequence()));
        event.add(new Location(visit.getPlace()));
        event.add(new Description(visit.getShadow() + "\n" + publicUrl + "/exchange/pair/" + visit.getPairId()));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        calendar.validate();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
