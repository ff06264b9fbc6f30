package org.encounter;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.encounter.base.PersonalData;
import org.encounter.identity.Role;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo world's records that {@link AccessMatrixTest} puts into routes and service calls. They belong to Youth
 * Services, Tuula's set and Emma's modules, so the learner from Community Policing is always an outsider.
 */
final class AccessWorld {

    final long sanna;
    final long youthServices;
    final long organisation;
    final long published;
    final long draft;
    final long inReview;
    final long draftStep;
    final long publishedVersion;
    final long attempt;
    final long set;
    final long meeting;
    final long story;
    final long certificate;
    final long assignment;
    final long invitation;
    final long partnership;
    final long coordinator;
    /** {@link ExchangeWorld}'s round, its accepted pair (Sanna and Elina) and its proposal (Jussi and Matti). */
    final long exchangeRound;
    final long acceptedPair;
    final long exchangeVisit;
    final long proposedPair;
    final long sannaApplication;
    final long jussiApplication;
    final long mattiApplication;
    /**
     * Sanna's download of her data and her pending erasure request, which {@link AccessMatrixTest} puts there for its
     * run only (0 when they are not there).
     */
    final long sannaExport;
    final long sannaErasure;

    AccessWorld(JdbcTemplate jdbc) {
        sanna = one(jdbc, "select id from person where email = 'sanna@demo.encounter.example'");
        youthServices = one(jdbc, "select id from team where name = 'Youth Services'");
        organisation = one(jdbc, "select organisation_id from team where id = " + youthServices);
        published = one(jdbc, "select id from module where title = 'See the whole person'");
        draft = one(jdbc, "select id from module where title = 'Waiting rooms'");
        inReview = one(jdbc, "select id from module where title = 'Nobody asked what I wanted'");
        draftStep = one(jdbc, "select min(id) from module_step where module_id = " + draft);
        publishedVersion = one(jdbc, "select max(id) from module_version where module_id = " + published);
        attempt = one(jdbc, "select min(id) from attempt where learner_id = " + sanna + " and module_id = " + published);
        set = one(jdbc, "select min(id) from learning_set");
        meeting = one(jdbc, "select min(id) from set_meeting where set_id = " + set);
        story = one(jdbc, "select min(id) from story");
        certificate = one(jdbc, "select min(id) from certificate where learner_id = " + sanna);
        assignment = one(jdbc, "select min(id) from assignment where learner_id = " + sanna);
        invitation = one(jdbc, "select coalesce(min(id), 0) from invitation");
        partnership = one(jdbc, "select id from partnership where name = 'One Aurajoki'");
        coordinator = one(jdbc, "select id from person where email = 'kirsi@demo.encounter.example'");
        exchangeRound = one(jdbc, "select coalesce(min(id), 0) from exchange_round where name = '"
                + ExchangeWorld.ROUND + "'");
        acceptedPair = one(jdbc, "select coalesce(min(id), 0) from exchange_pair where status = 'ACCEPTED'"
                + " and round_id = " + exchangeRound);
        exchangeVisit = one(jdbc, "select coalesce(min(v.id), 0) from exchange_visit v join exchange_pair p on p.id ="
                + " v.pair_id where p.status = 'ACCEPTED' and p.round_id = " + exchangeRound);
        proposedPair = one(jdbc, "select coalesce(min(id), 0) from exchange_pair where status = 'PROPOSED'"
                + " and round_id = " + exchangeRound);
        sannaApplication = application(jdbc, "sanna");
        jussiApplication = application(jdbc, "jussi");
        mattiApplication = application(jdbc, "matti");
        sannaExport = one(jdbc, "select coalesce(min(id), 0) from data_export where person_id = " + sanna);
        sannaErasure = one(jdbc, "select coalesce(min(id), 0) from erasure_request where status = 'PENDING'"
                + " and person_id = " + sanna);
    }

    private long application(JdbcTemplate jdbc, String who) {
        return one(jdbc, "select coalesce(min(a.id), 0) from exchange_application a join person p on p.id = a.person_id"
                + " where p.email = '" + who + "@demo.encounter.example' and a.round_id = " + exchangeRound);
    }

    private static long one(JdbcTemplate jdbc, String sql) {
        Long id = jdbc.queryForObject(sql, Long.class);
        if (id == null) {
            throw new IllegalStateException("The demo world has no record for: " + sql);
        }
        return id;
    }

    /** A route's template with this world's records in its parameters. */
    String path(String template) {
        return switch (template) {
            case "/" -> "";
            case "authoring/:id" -> "authoring/" + draft;
            case "authoring/:id/preview" -> "authoring/" + draft + "/preview";
            case "learn/attempt/:id" -> "learn/attempt/" + attempt;
            case "review/:id" -> "review/" + inReview;
            case "sets/:setId" -> "sets/" + set;
            case "sets/:setId/meetings/:meetingId" -> "sets/" + set + "/meetings/" + meeting;
            case "stories/write/:attemptId" -> "stories/write/" + attempt;
            case "team/:teamId?" -> "team/" + youthServices;
            case "partnerships/:id/report" -> "partnerships/" + partnership + "/report";
            case "exchange/rounds/:roundId" -> "exchange/rounds/" + exchangeRound;
            case "exchange/apply/:roundId" -> "exchange/apply/" + exchangeRound;
            case "exchange/pair/:pairId" -> "exchange/pair/" + acceptedPair;
            default -> template.replaceAll(":token", "no-such-token");
        };
    }

    /** A service argument: this world's record for an id, a plausible value for anything else. */
    Object argument(Parameter p) {
        Class<?> type = p.getType();
        String name = p.getName();
        String service = p.getDeclaringExecutable().getDeclaringClass().getSimpleName();
        if (type == long.class || type == Long.class) {
            return id(service, name);
        }
        if (type == int.class) {
            return switch (name) {
                case "rating" -> 3;
                case "limit" -> 10;
                case "statement", "delta" -> 1;
                default -> 0;
            };
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == String.class) {
            return switch (name) {
                case "token" -> "no-such-token";
                case "email", "username" -> "matrix@demo.encounter.example";
                case "language" -> "en";
                case "password", "newPassword", "currentPassword" -> "a long enough pass phrase 2026";
                case "search" -> "a";
                default -> "matrix";
            };
        }
        if (type == Locale.class) {
            return Locale.ENGLISH;
        }
        if (type == Pageable.class) {
            return PageRequest.of(0, 10);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, 1);
        }
        if (type == YearMonth.class) {
            return YearMonth.of(2026, 1);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-12-01T10:00:00Z");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = elementType(p);
            Object one = element == Role.class ? Role.LEARNER : id(service, name);
            return Set.class.isAssignableFrom(type) ? Set.of(one) : List.of(one);
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == PersonalData.ErasureChoices.class) {
            return new PersonalData.ErasureChoices(false, false, false);
        }
        return null;
    }

    private long id(String service, String name) {
        return switch (name) {
            case "moduleId", "moduleIds" -> service.startsWith("Module") || service.startsWith("Review")
                    || service.startsWith("CoAuthor") || service.startsWith("Image") ? draft : published;
            case "setId" -> set;
            case "meetingId" -> meeting;
            case "attemptId" -> attempt;
            case "teamId", "teamIds" -> youthServices;
            case "organisationId", "organisations", "organisationIds" -> organisation;
            case "partnershipId" -> partnership;
            case "personId", "coordinatorId" -> service.equals("PartnershipService") ? coordinator : sanna;
            case "stepId" -> draftStep;
            case "versionId" -> publishedVersion;
            case "storyId" -> story;
            case "certificateId" -> certificate;
            case "assignmentId" -> assignment;
            case "expectedVersion" -> 0;
            case "roundId" -> exchangeRound;
            // The coordinator's matching works on proposals; a pair's partners on their accepted pair.
            case "pairId", "otherPairId" -> service.equals("ExchangeMatchings") ? proposedPair : acceptedPair;
            case "applicationId" -> sannaApplication;
            case "visitId" -> exchangeVisit;
            case "firstApplicationId" -> jussiApplication;
            case "secondApplicationId" -> mattiApplication;
            case "exportId" -> sannaExport;
            case "requestId" -> service.equals("Erasures") ? sannaErasure : sanna;
            case "id" -> switch (service) {
                case "TeamService" -> youthServices;
                case "OrganisationService" -> organisation;
                case "InvitationService" -> invitation;
                default -> sanna;
            };
            default -> sanna;
        };
    }

    private static Class<?> elementType(Parameter p) {
        if (p.getParameterizedType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }
}
