package org.encounter.certificates;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.learning.LearningService;
import org.encounter.learning.StepAnswer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Certificate tests whose learners first earn one: a module taken from start to completion, through the service. */
abstract class CompletingServiceTest extends ServiceTest {

    @Autowired protected LearningService learning;
    @Autowired protected TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Takes "When our assumptions came tumbling down" from start to completion as this learner. */
    protected long complete(String who) {
        long module = jdbc.queryForObject("select id from module where title = 'When our assumptions came tumbling down'",
                Long.class);
        long attempt = as(who, () -> learning.start(module));
        for (int i = 0; i < 4; i++) {
            int position = i;
            as(who, () -> learning.completeStep(attempt, position, new StepAnswer("Thinking", 0, null, null, null, null,
                    null, null, false)));
        }
        as(who, () -> learning.completeStep(attempt, 4, new StepAnswer(null, null, null, null, null, null, "Check it",
                LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki"))).plusDays(1), false)));
        clock.advance(Duration.ofDays(11));
        as(who, () -> learning.completeStep(attempt, 5, new StepAnswer(null, 1, "I checked", "I was wrong", null, null,
                null, null, false)));
        as(who, () -> learning.completeStep(attempt, 6, StepAnswer.empty()));
        return attempt;
    }
}
