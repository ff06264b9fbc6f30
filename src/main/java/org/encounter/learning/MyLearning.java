package org.encounter.learning;

import java.util.List;

public record MyLearning(List<LearningItem> inProgress, List<LearningItem> awaitingReportBack,
                         List<LearningItem> assigned, List<LearningItem> completed) {
}
