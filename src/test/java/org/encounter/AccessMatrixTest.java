package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.encounter.base.RecordNotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may reach what: every route and every public service method, tried by one person of each role in the demo
 * world, against the tables below. A route or method without a row fails, so nothing new is open by default.
 *
 * <p>A row's columns are the people below in order: {@code x} lets them in, {@code .} refuses them. A route lets
 * someone in when its own view opens for them; Vaadin's refusal, the sign-in page or a not-found page refuses. A
 * service method lets someone in when it gets past its guards; a refusal is an access or authentication error, or
 * "not found" for a record that exists but is not theirs to see. Arguments are the demo world's own records,
 * chosen by parameter name (see {@link AccessWorld}); every call runs in a transaction that is rolled back.
 *
 * <p>The records belong to the demo world's first organisation, so its organisation admin reaches them and the other
 * organisation's admin gets "not found" for each of them; both open the admin lists, which show each only their own
 * organisation's rows ({@code OrganisationIsolationTest} and {@code CertificateIsolationTest} read what they hold).
 */
@TestPropertySource(properties = {"encounter.demo.learning=true", "encounter.test.context=access-matrix"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccessMatrixTest extends KaribuTest {

    /**
     * The people who try: one per role, a learner from another team than the records', the organisation admin of the
     * records' organisation, the organisation admin of another organisation ("platform" is the platform admin), and
     * the coordinator of the records' partnership (One Aurajoki), a learner of the city in no team.
     */
    enum Who {
        ANONYMOUS(null), LEARNER("sanna"), AUTHOR("emma"), CURATOR("kaisa"), FACILITATOR("tuula"), MANAGER("mikko"),
        ADMIN("admin"), OTHER_TEAM("olga"), ORG_ADMIN("riikka"), OTHER_ORG_ADMIN("ville"), COORDINATOR("kirsi");

        final String login;

        Who(String login) {
            this.login = login;
        }
    }

    private static final String COLUMNS = "anon learner author curator facil manager platform other orgadmin otherorg coord";

    /** Routes, with the demo world's records in their parameters. */
    static final String ROUTES = """
            #                                anon learner author curator facil manager platform other orgadmin otherorg coord
            /                                .    x       x      x       x     x       x        x     x        x        x
            admin/assignments                .    .       .      .       .     .       .        .     x        x        .
            admin/certificates               .    .       .      .       .     .       x        .     x        x        .
            admin/invitations                .    .       .      .       .     .       x        .     x        x        .
            admin/organisations              .    .       .      .       .     .       x        .     .        .        .
            admin/overview                   .    .       .      .       .     .       x        .     x        x        .
            admin/people                     .    .       .      .       .     .       x        .     x        x        .
            admin/starters                   .    .       .      .       .     .       x        .     x        x        .
            admin/teams                      .    .       .      .       .     .       x        .     x        x        .
            author/impact                    .    .       x      .       .     .       .        .     .        .        .
            # The audit log: the platform admin reads all of it, each organisation admin their own organisation's.
            audit                            .    .       .      .       .     .       x        .     x        x        .
            authoring                        .    .       x      .       .     .       .        .     .        .        .
            authoring/:id                    .    .       x      .       .     .       .        .     .        .        .
            authoring/:id/preview            .    .       x      .       .     .       .        .     .        .        .
            authoring/join/:token            .    x       x      x       x     x       x        x     x        x        x
            certificates                     .    x       .      x       x     x       .        x     .        .        x
            # ExchangeWorld's round is open to the city's and the county's staff; its accepted pair is Sanna's.
            exchange                         .    x       .      x       x     x       .        x     .        .        x
            exchange/apply/:roundId          .    x       .      x       x     x       .        x     .        .        x
            exchange/pair/:pairId            .    x       .      .       .     .       .        .     .        .        .
            exchange/rounds                  .    .       .      .       .     .       x        .     .        .        x
            exchange/rounds/:roundId         .    .       .      .       .     .       x        .     .        .        x
            invite/:token                    x    x       x      x       x     x       x        x     x        x        x
            learn                            .    x       .      x       x     x       .        x     .        .        x
            learn/attempt/:id                .    x       .      .       .     .       .        .     .        .        .
            learn/mine                       .    x       .      x       x     x       .        x     .        .        x
            login                            x    .       .      .       .     .       .        .     .        .        .
            # Your data: everyone signed in, for themselves only.
            my-data                          .    x       x      x       x     x       x        x     x        x        x
            notifications                    .    x       x      x       x     x       x        x     x        x        x
            partnerships                     .    .       .      .       .     .       x        .     .        .        x
            partnerships/:id/report          .    .       .      .       .     .       x        .     .        .        x
            pathways                         .    .       .      .       .     .       x        .     .        .        x
            # Erasure requests: every organisation admin (for their own people) and the platform admin; retention:
            # the platform admin only.
            privacy/requests                 .    .       .      .       .     .       x        .     x        x        .
            privacy/retention                .    .       .      .       .     .       x        .     .        .        .
            profile                          .    x       x      x       x     x       x        x     x        x        x
            review                           .    .       .      x       x     .       .        .     .        .        .
            review/:id                       .    .       .      x       x     .       .        .     .        .        .
            sets                             .    x       x      x       x     x       x        x     x        x        x
            sets/:setId                      .    x       x      x       x     .       .        .     .        .        .
            sets/:setId/meetings/:meetingId  .    x       x      x       x     .       .        .     .        .        .
            sets/new                         .    .       .      .       x     .       .        .     .        .        .
            setup/:token                     x    x       x      x       x     x       x        x     x        x        x
            shared-catalogue                 .    .       .      .       .     .       x        .     x        x        x
            stories                          .    x       x      x       x     x       x        x     x        x        x
            stories/write/:attemptId         .    x       .      .       .     .       .        .     .        .        .
            team/:teamId?                    .    .       .      .       .     x       .        .     .        .        .
            verify                           x    x       x      x       x     x       x        x     x        x        x
            """;

    /** Public methods of every @Service, as Class.method/arity. */
    static final String SERVICES = """
            #                                              anon learner author curator facil manager platform other orgadmin otherorg coord
            AssignmentService.assign/3                     .    .       .      .       .     x       .        .     x        .        .
            AssignmentService.changeDue/2                  .    .       .      .       .     x       .        .     x        .        .
            AssignmentService.withdraw/1                   .    .       .      .       .     x       .        .     x        .        .
            # The audit log: admins read their organisation's entries (the platform admin all); only the platform admin
            # walks the whole chain.
            AuditService.count/1                           .    .       .      .       .     .       x        .     x        x        .
            AuditService.csv/3                             .    .       .      .       .     .       x        .     x        x        .
            AuditService.page/3                            .    .       .      .       .     .       x        .     x        x        .
            AuditService.verifyChain/0                     .    .       .      .       .     .       x        .     .        .        .
            AuthorFeedbackService.forModule/1              .    .       x      .       .     .       .        .     .        .        .
            Calendars.meeting/2                            .    x       x      x       x     .       .        .     .        .        .
            Calendars.series/1                             .    x       x      x       x     .       .        .     .        .        .
            CertificateAdminService.csv/2                  .    .       .      .       .     .       x        .     x        x        .
            CertificateAdminService.page/2                 .    .       .      .       .     .       x        .     x        x        .
            CertificateAdminService.revoke/2               .    .       .      .       .     .       x        .     x        .        .
            CertificateFacts.completedBetween/3            .    .       .      .       .     x       x        .     x        .        .
            CertificateFacts.countsEverywhere/2            .    .       .      .       .     .       x        .     .        .        .
            CertificateFacts.countsIn/3                    .    .       .      .       .     .       x        .     x        .        .
            CertificateFacts.held/1                        .    .       .      .       .     x       x        .     x        .        .
            CertificateService.mine/0                      .    x       x      x       x     x       x        x     x        x        x
            CertificateService.pdf/2                       .    x       .      .       .     .       .        .     .        .        .
            CoAuthorService.addExisting/2                  .    .       x      .       .     .       .        .     .        .        .
            CoAuthorService.createLink/1                   .    .       x      .       .     .       .        .     .        .        .
            CoAuthorService.join/1                         .    x       x      x       x     x       x        x     x        x        x
            CoAuthorService.remove/2                       .    .       x      .       .     .       .        .     .        .        .
            CoAuthorService.setMyCredit/2                  .    .       x      .       .     .       .        .     .        .        .
            Commitments.mine/1                             .    x       x      x       x     x       x        x     x        x        x
            Commitments.shared/2                           .    x       x      x       x     .       .        .     .        .        .
            # The coordinator's exchange: a round of One Aurajoki (ExchangeWorld), its partnership's coordinator and the platform admin.
            # A person's download of their data is theirs only: Sanna's (an admin's request for it included) is refused
            # to everyone else.
            DataExports.fileName/1                         .    x       .      .       .     .       .        .     .        .        .
            DataExports.mine/0                             .    x       x      x       x     x       x        x     x        x        x
            DataExports.open/1                             .    x       .      .       .     .       .        .     .        .        .
            DataExports.request/1                          .    x       .      .       .     .       .        .     .        .        .
            DataExports.status/1                           .    x       .      .       .     .       .        .     .        .        .
            # Erasure of Sanna (her pending request): Sanna herself, her organisation's admin and the platform admin;
            # the list of pending requests for every admin, each seeing their own people's. The cool-off is a setting.
            Erasures.blockers/2                            .    x       .      .       .     .       x        .     x        .        .
            Erasures.cancel/1                              .    x       .      .       .     .       x        .     x        .        .
            Erasures.coolOff/0                             x    x       x      x       x     x       x        x     x        x        x
            Erasures.pending/1                             .    x       .      .       .     .       x        .     x        .        .
            Erasures.pendingInScope/0                      .    .       .      .       .     .       x        .     x        x        .
            Erasures.request/2                             .    x       .      .       .     .       x        .     x        .        .
            ExchangeMatchings.dissolve/2                   .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.exclude/3                    .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.fix/3                        .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.pairByHand/3                 .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.pairs/1                      .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.pool/1                       .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.publish/1                    .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.run/1                        .    .       .      .       .     .       x        .     .        .        x
            ExchangeMatchings.swap/3                       .    .       .      .       .     .       x        .     .        .        x
            ExchangeOverview.attendees/1                   .    .       .      .       .     .       x        .     .        .        x
            ExchangeOverview.csv/2                         .    .       .      .       .     .       x        .     .        .        x
            ExchangeOverview.figures/1                     .    .       .      .       .     .       x        .     .        .        x
            ExchangeOverview.recordAttendance/4            .    .       .      .       .     .       x        .     .        .        x
            ExchangeRounds.change/2                        .    .       .      .       .     .       x        .     .        .        x
            ExchangeRounds.open/2                          .    .       .      .       .     .       x        .     .        .        x
            ExchangeRounds.organisations/1                 .    .       .      .       .     .       x        .     .        .        x
            ExchangeRounds.partnerships/0                  .    .       .      .       .     .       x        .     .        .        x
            ExchangeRounds.round/1                         .    .       .      .       .     .       x        .     .        .        x
            ExchangeRounds.rounds/0                        .    .       .      .       .     .       x        .     .        .        x
            # The leaders' side, on ExchangeWorld's round: any member of staff of an organisation taking part applies and
            # follows their own; a pair (Sanna's with Elina, accepted, with a visit Sanna hosts), its goals, visits,
            # reflections and report back are its partners' only (Sanna here; Elina has no column); a manager confirms
            # only their reports' applications. The coordinator too meets "not found" on a pair.
            ExchangeAgreements.answer/3                    .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.changeVisit/4               .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.mine/0                      .    x       .      x       x     x       .        x     .        .        x
            ExchangeAgreements.pair/1                      .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.planVisit/5                 .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.rateAtEnd/2                 .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.recordDone/1                .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.reflect/3                   .    x       .      .       .     .       .        .     .        .        .
            ExchangeAgreements.setGoals/2                  .    x       .      .       .     .       .        .     .        .        .
            ExchangeApplications.apply/2                   .    x       .      x       x     x       .        x     .        .        x
            ExchangeApplications.confirm/2                 .    .       .      .       .     .       .        .     .        .        .
            ExchangeApplications.mine/0                    .    x       .      x       x     x       .        x     .        .        x
            ExchangeApplications.openRound/1               .    x       .      x       x     x       .        x     .        .        x
            ExchangeApplications.openRounds/0              .    x       .      x       x     x       .        x     .        .        x
            ExchangeApplications.toConfirm/0               .    .       .      .       .     x       .        .     .        .        .
            ExchangeApplications.withdraw/1                .    x       .      .       .     .       .        .     .        .        .
            ExchangeCalendar.visit/1                       .    x       .      .       .     .       .        .     .        .        .
            ExchangeReportBacks.mine/1                     .    x       .      .       .     .       .        .     .        .        .
            ExchangeReportBacks.offerAsStory/3             .    x       .      .       .     .       .        .     .        .        .
            ExchangeReportBacks.write/4                    .    x       .      .       .     .       .        .     .        .        .
            # The images of modules, behind /media: signed-in readers of a module that uses the image.
            ImageService.load/1                            .    x       x      x       x     x       x        x     x        x        x
            ImageService.maxBytes/0                        x    x       x      x       x     x       x        x     x        x        x
            ImageService.upload/2                          .    .       x      .       .     .       .        .     .        .        .
            ImpactService.everywhere/0                     .    .       .      .       .     .       x        .     .        .        .
            ImpactService.forMyModules/0                   .    .       x      .       .     .       .        .     .        .        .
            ImpactService.forTeam/1                        .    .       .      .       .     x       .        .     .        .        .
            ImpactService.teamCsv/2                        .    .       .      .       .     x       .        .     .        .        .
            # Anyone holding an invitation link may accept it; the token is the guard.
            InvitationService.accept/5                     x    x       x      x       x     x       x        x     x        x        x
            # A learner's own induction steps (anyone signed in; their own only).
            InductionService.mine/0                        .    x       x      x       x     x       x        x     x        x        x
            InvitationService.create/5                     .    .       .      .       .     .       x        .     x        .        .
            InvitationService.page/1                       .    .       .      .       .     .       x        .     x        x        .
            InvitationService.preview/1                    x    x       x      x       x     x       x        x     x        x        x
            InvitationService.revoke/1                     .    .       .      .       .     .       .        .     .        .        .
            LearningFacts.assignments/1                    .    .       .      .       .     x       x        .     x        .        .
            LearningFacts.attempts/1                       .    .       .      .       .     x       x        .     x        .        .
            LearningFacts.completionsByMember/2            .    .       .      .       .     .       x        .     .        .        x
            LearningFacts.completionsEverywhereFrom/1      .    .       .      .       .     .       x        .     .        .        .
            LearningFacts.completionsInFrom/2              .    .       .      .       .     .       x        .     x        .        .
            LearningFacts.overdueEverywhere/1              .    .       .      .       .     .       x        .     .        .        .
            LearningFacts.overdueIn/2                      .    .       .      .       .     .       x        .     x        .        .
            LearningFacts.statusesEverywhere/0             .    .       .      .       .     .       x        .     .        .        .
            LearningFacts.statusesIn/1                     .    .       .      .       .     .       x        .     x        .        .
            LearningService.catalogue/6                    .    x       x      x       x     x       x        x     x        x        x
            LearningService.completeStep/3                 .    x       .      .       .     .       .        .     .        .        .
            LearningService.giveFeedback/4                 .    x       .      .       .     .       .        .     .        .        .
            LearningService.goTo/2                         .    x       .      .       .     .       .        .     .        .        .
            LearningService.myLearning/0                   .    x       x      x       x     x       x        x     x        x        x
            LearningService.player/1                       .    x       .      .       .     .       .        .     .        .        .
            LearningService.rate/4                         .    x       .      .       .     .       .        .     .        .        .
            LearningService.saveAnswer/3                   .    x       .      .       .     .       .        .     .        .        .
            LearningService.share/3                        .    x       .      .       .     .       .        .     .        .        .
            # Another organisation's admin is in the wellbeing county, whose catalogue does not hold the city's module.
            LearningService.start/1                        .    x       x      x       x     x       x        x     x        .        x
            MeetingService.overview/1                      .    .       x      .       x     .       .        .     .        .        .
            MeetingService.overviewCsv/2                   .    .       x      .       x     .       .        .     .        .        .
            MeetingService.page/2                          .    x       x      x       x     .       .        .     .        .        .
            MeetingService.recordAttendance/3              .    .       x      .       x     .       .        .     .        .        .
            MeetingService.saveNotes/4                     .    .       x      .       x     .       .        .     .        .        .
            # Where a module came from for an organisation (a certificate asks it at issue).
            ModuleOrigins.partnershipThrough/3             .    x       x      x       x     x       x        x     x        x        x
            ModuleOrigins.reaches/2                        .    x       x      x       x     x       x        x     x        x        x
            ModuleService.addStep/2                        .    .       x      .       .     .       .        .     .        .        .
            ModuleService.create/2                         .    .       x      .       .     .       .        .     .        .        .
            # The owner of the draft (Emma): a co-author is told it is the owner's, past the guards; see ReviewWorkflowTest.
            ModuleService.deleteDraft/1                    .    .       x      .       .     .       .        .     .        .        .
            ModuleService.draft/1                          .    .       x      .       .     .       .        .     .        .        .
            ModuleService.moveStep/2                       .    .       x      .       .     .       .        .     .        .        .
            ModuleService.myModules/0                      .    x       x      x       x     x       x        x     x        x        x
            ModuleService.removeStep/1                     .    .       x      .       .     .       .        .     .        .        .
            ModuleService.setCover/2                       .    .       x      .       .     .       .        .     .        .        .
            ModuleService.updateDetails/3                  .    .       x      .       .     .       .        .     .        .        .
            ModuleService.updateStep/3                     .    .       x      .       .     .       .        .     .        .        .
            ModuleSharing.partnerships/0                   .    .       .      .       .     .       x        .     x        x        x
            ModuleSharing.everShared/1                     .    .       .      .       .     .       x        .     .        .        x
            ModuleSharing.share/2                          .    .       .      .       .     .       x        .     x        .        x
            ModuleSharing.shareable/2                      .    .       .      .       .     .       x        .     x        x        x
            ModuleSharing.shared/1                         .    .       .      .       .     .       x        .     x        x        x
            ModuleSharing.stopSharing/2                    .    .       .      .       .     .       x        .     x        .        x
            NamedExposure.myNamedTexts/0                   .    x       x      x       x     x       x        x     x        x        x
            NamedExposure.namesISee/1                      .    x       x      x       x     x       x        x     x        x        x
            NamedExposure.reportBackShownNamed/1           .    x       .      .       .     .       .        .     .        .        .
            NamedExposure.requireCommitmentUnlinked/1      .    x       x      x       x     x       x        x     x        x        x
            NamedExposure.requireUnlinked/1                .    x       x      x       x     x       x        x     x        x        x
            NotificationService.markAllRead/0              .    x       x      x       x     x       x        x     x        x        x
            NotificationService.mine/1                     .    x       x      x       x     x       x        x     x        x        x
            NotificationService.unread/0                   .    x       x      x       x     x       x        x     x        x        x
            OrganisationAssignments.adoptions/0            .    .       .      .       .     .       .        .     x        x        .
            OrganisationAssignments.assignTeams/3          .    .       .      .       .     .       .        .     x        .        .
            OrganisationNames.allPartnershipIds/0          x    x       x      x       x     x       x        x     x        x        x
            OrganisationNames.organisations/1              x    x       x      x       x     x       x        x     x        x        x
            OrganisationNames.partnershipNamed/1           x    x       x      x       x     x       x        x     x        x        x
            OrganisationNames.partnerships/1               x    x       x      x       x     x       x        x     x        x        x
            OrganisationProgressService.overview/0         .    .       .      .       .     .       x        .     x        x        .
            OrganisationProgressService.overview/1         .    .       .      .       .     .       x        .     x        .        .
            # The one place for scope, asked by every feature: a question anyone may ask about themselves; the records'
            # organisation passes only for its own admin and the platform admin.
            OrganisationScope.administered/0               x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.administersEveryone/1        x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.bringsTogether/0             x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.coordinatorsOf/1             x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.coordinated/0                x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.currentMembers/1             x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.isCurrentMember/2            x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.joinable/0                   x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.learnsFrom/0                 x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.mayShare/2                   x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.memberships/0                x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.organisationOf/1             x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.membershipsOf/1              x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.partners/0                   x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.partnersOf/1                 x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.partnershipsAt/2             x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.requireAdministered/3        .    .       .      .       .     .       x        .     x        .        .
            # The records' partnership (One Aurajoki) passes only for its coordinator and the platform admin.
            OrganisationScope.requireCoordinated/1         .    .       .      .       .     .       x        .     .        .        x
            OrganisationScope.sharesInto/0                 x    x       x      x       x     x       x        x     x        x        x
            OrganisationScope.worksWith/0                  x    x       x      x       x     x       x        x     x        x        x
            # The organisations the caller administers: every one for the platform admin, their own for an organisation admin.
            OrganisationService.administered/2             .    .       .      .       .     .       x        .     x        x        .
            OrganisationService.create/1                   .    .       .      .       .     .       x        .     .        .        .
            OrganisationService.page/2                     .    .       .      .       .     .       x        .     .        .        .
            OrganisationService.rename/2                   .    .       .      .       .     .       x        .     .        .        .
            # Partnerships: the platform admin creates them; a coordinator manages the ones they coordinate.
            PartnershipService.addCoordinator/2            .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.addMember/2                 .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.candidates/3                .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.coordinatorChoices/3        .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.create/2                    .    .       .      .       .     .       x        .     .        .        .
            PartnershipService.detail/1                    .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.page/2                      .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.removeCoordinator/2         .    .       .      .       .     .       x        .     .        .        x
            PartnershipService.removeMember/2              .    .       .      .       .     .       x        .     .        .        x
            PartnershipReportService.csv/2                 .    .       .      .       .     .       x        .     .        .        x
            PartnershipReportService.report/1              .    .       .      .       .     .       x        .     .        .        x
            # Induction pathways: a partnership's coordinators (and the platform admin) manage its pathway and see counts.
            PathwayService.choices/1                       .    .       .      .       .     .       x        .     .        .        x
            PathwayService.partnerships/0                  .    .       .      .       .     .       x        .     .        .        x
            PathwayService.pathway/1                       .    .       .      .       .     .       x        .     .        .        x
            PathwayService.progress/1                      .    .       .      .       .     .       x        .     .        .        x
            PathwayService.save/4                          .    .       .      .       .     .       x        .     .        .        x
            # How features look people up for each other (event listeners too, with nobody signed in).
            PersonDirectory.colleagueEmails/1              .    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.contact/1                      x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.displayNames/1                 x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.emails/1                       x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.find/1                         x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.having/2                       x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.holdingAround/2                x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.idByEmail/1                    x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.mayPick/1                      .    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.mayPickAcrossPartners/1        .    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.organisationsOf/1              x    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.pickable/3                     .    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.pickableAcrossPartners/3       .    x       x      x       x     x       x        x     x        x        x
            PersonDirectory.registered/1                   x    x       x      x       x     x       x        x     x        x        x
            PersonService.changeMyPassword/2               .    x       x      x       x     x       x        x     x        x        x
            # People of one organisation (the records'), to pick a team's members from: its admins only.
            PersonService.choices/3                        .    .       .      .       .     .       x        .     x        .        .
            PersonService.confirmNameRequest/2             .    .       .      .       .     .       x        .     x        .        .
            PersonService.countNameRequests/0              .    .       .      .       .     .       x        .     x        x        .
            PersonService.declineNameRequest/2             .    .       .      .       .     .       x        .     x        .        .
            PersonService.disable/1                        .    .       .      .       .     .       x        .     x        .        .
            PersonService.enable/1                         .    .       .      .       .     .       x        .     x        .        .
            PersonService.get/1                            .    .       .      .       .     .       x        .     x        .        .
            PersonService.myProfile/0                      .    x       x      x       x     x       x        x     x        x        x
            PersonService.nameRequests/1                   .    .       .      .       .     .       x        .     x        x        .
            PersonService.page/2                           .    .       .      .       .     .       x        .     x        x        .
            PersonService.register/2                       .    .       .      .       .     .       x        .     x        .        .
            PersonService.requestMyRegisteredName/1        .    x       x      x       x     x       x        x     x        x        x
            PersonService.update/4                         .    .       .      .       .     .       x        .     x        .        .
            PersonService.updateMyProfile/2                .    x       x      x       x     x       x        x     x        x        x
            # What the privacy feature asks about the person it exports or erases: the platform's own work only, but
            # whether someone is erased (the public verification page asks it), and whether the caller may act for the
            # erasure of a person (a question for anyone signed in; the answer, not the guard, says no).
            PrivacySubjects.endSessions/1                  .    .       .      .       .     .       .        .     .        .        .
            PrivacySubjects.inactiveSince/1                .    .       .      .       .     .       .        .     .        .        .
            PrivacySubjects.isErased/1                     x    x       x      x       x     x       x        x     x        x        x
            PrivacySubjects.mayActForErasure/1             .    x       x      x       x     x       x        x     x        x        x
            PrivacySubjects.subject/1                      .    .       .      .       .     .       .        .     .        .        .
            PublishedModules.available/1                   .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.availableAmong/1              .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.catalogue/2                   .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.current/1                     .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.latest/1                      .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.sharedWith/2                  .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.titles/1                      .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.version/1                     .    x       x      x       x     x       x        x     x        x        x
            PublishedModules.versionNumbers/1              .    x       x      x       x     x       x        x     x        x        x
            # How long data is kept, and the job that applies it: the platform admin's.
            RetentionSettings.defaults/0                   .    .       .      .       .     .       x        .     .        .        .
            RetentionSettings.periods/0                    .    .       .      .       .     .       x        .     .        .        .
            RetentionSettings.runNow/0                     .    .       .      .       .     .       x        .     .        .        .
            RetentionSettings.runs/0                       .    .       .      .       .     .       x        .     .        .        .
            RetentionSettings.save/1                       .    .       .      .       .     .       x        .     .        .        .
            ReportBacks.mine/1                             .    x       .      .       .     .       .        .     .        .        .
            # What waits for the signed-in person: a curator's modules to review, anyone's own modules' answers.
            ReviewInbox.forAuthor/0                        .    x       x      x       x     x       x        x     x        x        x
            ReviewInbox.forCurator/1                       .    .       .      x       x     .       .        .     .        .        .
            ReviewService.archive/1                        .    .       .      x       x     .       .        .     .        .        .
            ReviewService.comment/3                        .    .       x      .       .     .       .        .     .        .        .
            ReviewService.comments/1                       .    .       x      .       .     .       .        .     .        .        .
            ReviewService.history/1                        .    .       x      .       .     .       .        .     .        .        .
            ReviewService.publish/2                        .    .       .      x       x     .       .        .     .        .        .
            ReviewService.queue/1                          .    .       .      x       x     .       .        .     .        .        .
            ReviewService.requestChanges/3                 .    .       .      x       x     .       .        .     .        .        .
            ReviewService.startNewDraft/1                  .    .       x      .       .     .       .        .     .        .        .
            ReviewService.submit/1                         .    .       x      .       .     .       .        .     .        .        .
            SetService.consent/1                           .    x       x      x       x     .       .        .     .        .        .
            SetService.create/1                            .    .       .      .       x     .       .        .     .        .        .
            SetService.detail/1                            .    x       x      x       x     .       .        .     .        .        .
            SetService.mine/0                              .    x       x      x       x     x       x        x     x        x        x
            SetService.share/2                             .    x       x      x       x     .       .        .     .        .        .
            SetService.stopSharing/1                       .    x       x      x       x     .       .        .     .        .        .
            SetService.upcoming/0                          .    x       x      x       x     x       x        x     x        x        x
            SetService.update/2                            .    .       .      .       x     .       .        .     .        .        .
            SetService.zone/0                              .    x       x      x       x     x       x        x     x        x        x
            # The first start: the setup link (a secret token) is the guard.
            SetupService.createFirstAdmin/6                x    x       x      x       x     x       x        x     x        x        x
            SetupService.needed/0                          x    x       x      x       x     x       x        x     x        x        x
            SetupService.status/1                          x    x       x      x       x     x       x        x     x        x        x
            SetupService.validity/0                        x    x       x      x       x     x       x        x     x        x        x
            SignInFailureService.clear/1                   .    .       .      .       .     .       x        .     x        .        .
            SignInFailureService.of/1                      .    .       .      .       .     .       x        .     x        .        .
            # Spring Security's own sign-in and password upgrade.
            SignInService.loadUserByUsername/1             x    x       x      x       x     x       x        x     x        x        x
            SignInService.updatePassword/2                 x    x       x      x       x     x       x        x     x        x        x
            # Each organisation admin's starters: the page shows their own organisation's (OrganisationScope.administered).
            StarterService.page/1                          .    .       .      .       .     .       x        .     x        x        .
            # approve, giveBack: Sanna's anonymous story; each curator here knows her (team or set), so none may review it.
            StoryService.approve/2                         .    .       .      .       .     .       .        .     .        .        .
            StoryService.approved/2                        .    x       x      x       x     x       x        x     x        x        x
            StoryService.draft/1                           .    x       .      .       .     .       .        .     .        .        .
            StoryService.fromMyModules/0                   .    .       x      .       .     .       .        .     .        .        .
            StoryService.giveBack/3                        .    .       .      .       .     .       .        .     .        .        .
            StoryService.mine/0                            .    x       x      x       x     x       x        x     x        x        x
            StoryService.submit/6                          .    x       .      .       .     .       .        .     .        .        .
            StoryService.waiting/0                         .    .       .      x       x     .       .        .     .        .        .
            TeamProgressService.assignments/1              .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.certificationsCsv/4        .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.charts/1                   .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.checkCertificationRange/2  .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.matrixCsv/3                .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.members/1                  .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.myTeams/0                  .    .       .      .       .     x       .        .     .        .        .
            TeamProgressService.progress/2                 .    .       .      .       .     x       .        .     .        .        .
            TeamService.create/2                           .    .       .      .       .     .       x        .     x        .        .
            TeamService.get/1                              .    .       .      .       .     .       x        .     x        .        .
            # Server-side work only (the system's own authority), when an answer joins a team's impact queue.
            TeamService.impactTeamOf/1                     .    .       .      .       .     .       .        .     .        .        .
            # Who manages whom among an exchange round's applicants: the matching's hard rule, for its coordinators.
            TeamService.managementAmong/1                  .    .       .      .       .     .       x        .     .        .        x
            TeamService.managedByMe/1                      .    x       x      x       x     x       x        x     x        x        x
            TeamService.managedTeam/1                      .    x       x      x       x     x       x        x     x        x        x
            TeamService.managingMe/1                       .    x       x      x       x     x       x        x     x        x        x
            TeamService.mayFollow/1                        .    x       x      x       x     x       x        x     x        x        x
            TeamService.myManagedTeams/0                   .    x       x      x       x     x       x        x     x        x        x
            TeamService.myManagers/0                       .    x       x      x       x     x       x        x     x        x        x
            TeamService.myReports/0                        .    x       x      x       x     x       x        x     x        x        x
            TeamService.myTeams/0                          .    x       x      x       x     x       x        x     x        x        x
            TeamService.page/2                             .    .       .      .       .     .       x        .     x        x        .
            TeamService.update/4                           .    .       .      .       .     .       x        .     x        .        .
            # The public verification page.
            VerificationService.verify/1                   x    x       x      x       x     x       x        x     x        x        x
            """;

    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private org.springframework.security.core.userdetails.UserDetailsService users;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private AccessWorld world;

    @Autowired
    private org.encounter.stories.StoryService stories;

    @BeforeEach
    void readTheWorld() {
        if (jdbc.queryForObject("select count(*) from story", Integer.class) == 0) {
            // The demo world's year of learning has report backs but no story yet: Sanna writes one.
            long attempt = jdbc.queryForObject("select min(a.id) from attempt a join person p on p.id = a.learner_id"
                    + " join module m on m.id = a.module_id where p.email = 'sanna@demo.encounter.example'"
                    + " and m.title = 'See the whole person'", Long.class);
            actAs(Who.LEARNER);
            stories.submit(attempt, "Listening first", "I asked before the form.", "They talked.", "Ask first.",
                    true);
            SecurityContextHolder.clearContext();
        }
        ExchangeWorld.ensure(jdbc, context, (who, action) -> as(who, () -> {
            action.run();
            return null;
        }));
        // Sanna's download (expired, so no file) and her pending erasure request, for DataExports and Erasures to act
        // on; they are gone after each test, so no other test meets a pending erasure.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        long sanna = jdbc.queryForObject("select id from person where email = 'sanna@demo.encounter.example'", Long.class);
        jdbc.update("insert into data_export (person_id, requested_at, status) values (?, ?, 'EXPIRED')", sanna, now);
        jdbc.update("""
                insert into erasure_request (person_id, requested_by, origin, requested_at, due_at, status)
                values (?, ?, 'PERSON', ?, ?, 'PENDING')""", sanna, sanna, now, now.plusDays(14));
        world = new AccessWorld(jdbc);
    }

    @AfterEach
    void forgetSannasPrivacyRecords() {
        jdbc.update("delete from erasure_request where id = ?", world.sannaErasure);
        jdbc.update("delete from data_export where id = ?", world.sannaExport);
    }

    @Test
    void every_route_opens_for_exactly_the_people_its_row_names() {
        Map<String, Class<? extends Component>> routes = new TreeMap<>();
        for (Class<? extends Component> view : new Routes().autoDiscoverViews("org.encounter").getRoutes()) {
            Route route = view.getAnnotation(Route.class);
            if (route != null) {
                routes.put(route.value().isEmpty() ? "/" : route.value(), view);
            }
        }
        Map<String, String> observed = new TreeMap<>();
        routes.forEach((template, view) -> observed.put(template, ""));
        for (Who who : Who.values()) {
            openUiAs(who);
            routes.forEach((template, view) ->
                    observed.merge(template, opens(world.path(template), view) ? "x" : ".", String::concat));
            MockVaadin.tearDown();
        }
        assertMatches("route", parse(ROUTES), observed);
        // Every page a person can open says where they are and in which app, and no two pages say the same thing
        // unless they are one page (a list and one of its items never share a title).
        assertThat(titles).isNotEmpty().allSatisfy((template, title) -> assertThat(title).as(template)
                .endsWith(" · Encounter").isNotEqualTo(" · Encounter"));
        assertThat(titles.get("review/:id")).isNotEqualTo(titles.get("review"));
        assertThat(titles.get("authoring/:id/preview")).isNotEqualTo(titles.get("authoring/:id"));
    }

    /** The page title each route showed the first time it opened for someone. */
    private final Map<String, String> titles = new TreeMap<>();

    @Test
    void every_public_service_method_lets_in_exactly_the_people_its_row_names() {
        Map<String, Map.Entry<Object, Method>> methods = new TreeMap<>();
        context.getBeansWithAnnotation(Service.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.encounter")) {
                return;
            }
            Arrays.stream(type.getDeclaredMethods()).filter(AccessMatrixTest::callableByPeople)
                    .forEach(m -> methods.put(type.getSimpleName() + "." + m.getName() + "/" + m.getParameterCount(),
                            Map.entry(bean, m)));
        });
        Map<String, String> observed = new TreeMap<>();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        for (Who who : Who.values()) {
            actAs(who);
            methods.forEach((name, call) -> observed.merge(name,
                    getsPast(rolledBack, call.getKey(), call.getValue()) ? "x" : ".", String::concat));
        }
        SecurityContextHolder.clearContext();
        assertMatches("service method", parse(SERVICES), observed);
    }

    /** Event listeners and scheduled jobs are public for Spring only: no person can call them. */
    private static boolean callableByPeople(Method m) {
        return Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                && !m.isBridge() && !m.isAnnotationPresent(EventListener.class)
                && !m.isAnnotationPresent(Scheduled.class)
                && !m.isAnnotationPresent(org.springframework.transaction.event.TransactionalEventListener.class);
    }

    private void openUiAs(Who who) {
        if (who.login == null) {
            SecurityContextHolder.clearContext();
            MockVaadin.setMockRequestFactory(FakeRequest::new);
            MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("org.encounter"), context,
                    UI::new));
        } else {
            signInAs(who.login + ServiceTest.DOMAIN);
        }
    }

    private boolean opens(String path, Class<? extends Component> view) {
        try {
            UI.getCurrent().navigate(path);
        } catch (MockAccessDeniedException | AccessDeniedException | RecordNotFound refused) {
            return false;
        }
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        boolean opened = chain.stream().anyMatch(target -> org.springframework.util.ClassUtils.getUserClass(target) == view);
        if (opened) {
            titles.putIfAbsent(view.getAnnotation(Route.class).value(), UI.getCurrent().getInternals().getTitle());
        }
        return opened;
    }

    private void actAs(Who who) {
        var context = SecurityContextHolder.createEmptyContext();
        if (who.login == null) {
            context.setAuthentication(new AnonymousAuthenticationToken("matrix", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        } else {
            var user = users.loadUserByUsername(who.login + ServiceTest.DOMAIN);
            context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                    .authenticated(user, null, user.getAuthorities()));
        }
        SecurityContextHolder.setContext(context);
    }

    private boolean getsPast(TransactionTemplate rolledBack, Object bean, Method method) {
        Object[] args = Arrays.stream(method.getParameters()).map(p -> world.argument(p)).toArray();
        try {
            rolledBack.executeWithoutResult(status -> {
                status.setRollbackOnly();
                try {
                    method.invoke(bean, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
            return true;
        } catch (AccessDeniedException | AuthenticationException | RecordNotFound refused) {
            return false;
        } catch (RuntimeException pastTheGuards) {
            return true;
        }
    }

    private static Map<String, String> parse(String table) {
        Map<String, String> rows = new LinkedHashMap<>();
        table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
            String[] cells = line.split("\\s+");
            assertThat(cells).as("row %s", line).hasSize(Who.values().length + 1);
            rows.put(cells[0], String.join("", Arrays.copyOfRange(cells, 1, cells.length)));
        });
        return rows;
    }

    private static void assertMatches(String kind, Map<String, String> expected, Map<String, String> observed) {
        List<String> wrong = new ArrayList<>();
        observed.forEach((name, seen) -> {
            String want = expected.get(name);
            if (want == null) {
                wrong.add("no row for " + kind + " " + name + " (it lets in: " + line(name, seen) + ")");
            } else if (!want.equals(seen)) {
                wrong.add(kind + " " + name + " lets in " + line(name, seen) + " but its row says "
                        + line(name, want));
            }
        });
        expected.keySet().stream().filter(name -> !observed.containsKey(name))
                .forEach(name -> wrong.add("row for a " + kind + " that no longer exists: " + name));
        int width = observed.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        String table = observed.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> String.format("%-" + width + "s", e.getKey()) + cells(e.getValue()))
                .collect(Collectors.joining("\n"));
        assertThat(wrong).as("%s access differs from the table (%s). What was observed:%n%s%n%s",
                kind, COLUMNS, String.format("%-" + width + "s", "") + COLUMNS, table).isEmpty();
    }

    private static String line(String name, String cells) {
        return cells(cells).replaceAll("\\s+", " ");
    }

    private static String cells(String cells) {
        String[] names = COLUMNS.split(" ");
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length(); i++) {
            row.append(String.format("%-" + (names[i].length() + 1) + "s", cells.charAt(i)));
        }
        return row.toString().stripTrailing();
    }
}
