package org.encounter.authoring;

import java.util.List;

/** The words of the demo world's modules, inspired by the stories in the product brief. */
final class DemoContent {

    static final String WHOLE_SUMMARY = "Emma was sixteen when she first met a youth worker. This is what it felt like "
            + "to be a list of problems, and what changed when someone asked about her instead.";
    static final String ASSUMPTIONS_SUMMARY = "A group of young people and local police officers spent a winter "
            + "working on a neighbourhood project. Both sides arrived sure of what the other was like.";
    static final String SHOES_SUMMARY = "Step through one ordinary day of using three public services, as a young "
            + "person does, and notice where the system works for you and where you work for the system.";
    static final String REVIEW_SUMMARY = "A care plan written about Eetu, without Eetu.";
    static final String DRAFT_SUMMARY = "What a waiting room tells you before anyone says a word.";

    private DemoContent() {
    }

    static List<StepContent> whole() {
        return List.of(
                story("The file came first", """
                        The first thing she did was open my file. She read for a long time. I sat there and watched \
                        her read about me.

                        > I was a case before I was a person.

                        When she finally looked up, she asked about school attendance, the police report, my mother. \
                        **Nobody asked what I was good at.** Nobody asked what I wanted."""),
                new StepContent(StepType.MEDIA, null, null, null, null,
                        "Two chairs, one table. Who decides where the conversation goes?",
                        "A simple drawing of two chairs facing each other across a small table.", null, List.of()),
                reflection("Think of the last young person you met for the first time. What did you know about them "
                        + "before they said a word, and where did that knowledge come from?"),
                new StepContent(StepType.PERSPECTIVE_CHECK, "A young person misses your second meeting. What do you think first?",
                        null, null, null, null, null, null, List.of(
                        new PerspectiveOption("They are not committed.",
                                "That is what I was told about me. In fact I had no money for the bus that week."),
                        new PerspectiveOption("Something got in the way. I should find out what.",
                                "This is what changed things for me: someone *asked* instead of deciding."),
                        new PerspectiveOption("It is in the file: they have missed meetings before.",
                                "The file remembers the problems. It rarely remembers the reasons."))),
                action("Plan one first meeting where you ask the person what matters to them before you open any file."),
                reportBack("Tell us what happened when you asked first and read later.", 7),
                discussion("""
                        - When does the file help, and when does it get in the way?
                        - What would change in your service if every first meeting began with *what matters to you?*"""));
    }

    static List<StepContent> assumptions() {
        return List.of(
                story("Us and them", """
                        We thought the police were there to move us on. They thought we were there to cause trouble. \
                        For the first three evenings nobody sat at the same table.

                        Then the heating broke, and everyone ended up in the one warm room."""),
                new StepContent(StepType.MEDIA, null, null, null, "https://www.youtube.com/watch?v=M7lc1UVf-VE",
                        "A short film the group made together (opens on YouTube).", null, null, List.of()),
                reflection("Which group do you meet in your work that you already 'know' about? What is the story your "
                        + "team tells about them?"),
                new StepContent(StepType.PERSPECTIVE_CHECK, "Agree or disagree: experience makes first impressions more reliable.",
                        null, null, null, null, null, null, List.of(
                        new PerspectiveOption("Agree", "Experience makes impressions *faster*. Faster is not the same as right."),
                        new PerspectiveOption("Disagree", "Experience is valuable, and so is checking it. The young people "
                                + "in our group surprised the most experienced officer most."))),
                action("Choose one situation this week where you will say your first impression out loud to a colleague, "
                        + "and then check it against what the person tells you."),
                reportBack("Report back: how often was your first impression right, and what did you learn when it was not?", 10),
                discussion("- What assumption did you hold about us before this module?\n- What would it cost to check it?"));
    }

    static List<StepContent> shoes() {
        return List.of(
                story("One Tuesday", """
                        08:15 — the housing office opens at nine but the queue starts now.
                        11:40 — a form asks for a document that the other office keeps.
                        15:05 — the youth centre is the first place today where someone says my name."""),
                new StepContent(StepType.MEDIA, null, null, null, "https://vimeo.com/76979871",
                        "A day in three services, told in pictures.", null, null, List.of()),
                reflection("Walk through your own service from the front door. What does a young person see, hear and "
                        + "wait for before they meet you?"),
                new StepContent(StepType.PERSPECTIVE_CHECK, "Who should change first: the service or the person using it?",
                        null, null, null, null, null, null, List.of(
                        new PerspectiveOption("The person should learn how the service works.",
                                "I did learn. It took two years and I was sixteen."),
                        new PerspectiveOption("The service should fit the people it is for.",
                                "Small things count: one form instead of three, a name instead of a number."),
                        new PerspectiveOption("Both, together.", "That is what co-design means to us."))),
                action("Pick one small thing in your service that makes people work for the system, and try changing it."),
                reportBack("What did you change, and what did the people using your service notice?", 14),
                discussion("- Where in your service does a person become a number?\n- Who could you walk alongside for a day?"));
    }

    static List<StepContent> inReview() {
        return List.of(
                story("The plan", "They showed me my care plan. It had my name on the front and nothing of mine inside."),
                reflection("When did you last write a plan *with* someone rather than *for* them?"),
                new StepContent(StepType.PERSPECTIVE_CHECK, "Who is a plan for?", null, null, null, null, null, null,
                        List.of(new PerspectiveOption("The person it is about.", "Then they should be in the room."),
                                new PerspectiveOption("The service, so everyone knows what to do.",
                                        "A plan nobody believes in is followed by nobody."))),
                action("Write your next plan together with the person, in their words."),
                reportBack("What changed when the plan was written together?", 7));
    }

    static List<StepContent> draft() {
        return List.of(
                story(null, "Plastic chairs bolted to the floor. A sign that says what you must not do. A number on a screen."),
                reflection(null));
    }

    private static StepContent story(String heading, String body) {
        return new StepContent(StepType.STORY, heading, body, null, null, null, null, null, List.of());
    }

    private static StepContent reflection(String prompt) {
        return new StepContent(StepType.REFLECTION, null, prompt, null, null, null, null, null, List.of());
    }

    private static StepContent action(String prompt) {
        return new StepContent(StepType.ACTION_PLAN, null, prompt, null, null, null, null, null, List.of());
    }

    private static StepContent reportBack(String prompt, int days) {
        return new StepContent(StepType.REPORT_BACK, null, prompt, null, null, null, null, days, List.of());
    }

    private static StepContent discussion(String questions) {
        return new StepContent(StepType.DISCUSSION, null, questions, null, null, null, null, null, List.of());
    }
}
