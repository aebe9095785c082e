package vn.giamngheo.report.feedback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.contracts.report.FeedbackAnswered;
import vn.giamngheo.contracts.report.FeedbackReceived;
import vn.giamngheo.support.domain.Change;
import vn.giamngheo.support.domain.FieldViolation;
import vn.giamngheo.support.domain.InvalidInputException;
import vn.giamngheo.support.domain.StateConflictException;

/**
 * A member of the public's feedback (ý kiến phản hồi của người dân) on a task or a commune's project: a rating from 1
 * to 5 and a text, optionally a contact. Officials answer it once, publicly. The contact is personal data: it is kept
 * here for officials and never published in events.
 */
public record Feedback(String id, SubjectKind subjectKind, String taskId, String planId, String leadUnitCode,
                       String projectName, String communeCode, int rating, String text, String contact,
                       FeedbackStatus status, Instant receivedAt, String answeredBy, String response,
                       Instant answeredAt) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_RESPONSE = 4000;
    public static final int MAX_CONTACT = 200;
    public static final int MAX_PROJECT_NAME = 300;

    /**
     * Receives feedback. {@code task} is the task it is about (null for a commune's project), already looked up by
     * the caller.
     */
    public static Change<Feedback> receive(String id, NewFeedback input, FeedbackTask task, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (input.subjectKind() == null) {
            violations.add(new FieldViolation("subjectKind", "TASK or COMMUNE_PROJECT"));
        } else if (input.subjectKind() == SubjectKind.TASK && blank(input.taskId())) {
            violations.add(new FieldViolation("taskId", "name the task the feedback is about"));
        } else if (input.subjectKind() == SubjectKind.COMMUNE_PROJECT) {
            if (blank(input.projectName())) {
                violations.add(new FieldViolation("projectName", "name the commune's project"));
            } else if (input.projectName().strip().length() > MAX_PROJECT_NAME) {
                violations.add(new FieldViolation("projectName", "at most " + MAX_PROJECT_NAME + " characters"));
            }
            if (blank(input.communeCode())) {
                violations.add(new FieldViolation("communeCode", "name the commune of the project"));
            }
        }
        if (input.rating() == null || input.rating() < 1 || input.rating() > 5) {
            violations.add(new FieldViolation("rating", "a whole number from 1 to 5"));
        }
        if (blank(input.text())) {
            violations.add(new FieldViolation("text", "say what you think"));
        } else if (input.text().strip().length() > MAX_TEXT) {
            violations.add(new FieldViolation("text", "at most " + MAX_TEXT + " characters"));
        }
        if (input.contact() != null && input.contact().strip().length() > MAX_CONTACT) {
            violations.add(new FieldViolation("contact", "at most " + MAX_CONTACT + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        boolean onTask = input.subjectKind() == SubjectKind.TASK;
        if (onTask && (task == null || !task.taskId().equals(input.taskId()))) {
            throw new IllegalArgumentException("the task must be looked up before receiving feedback on it");
        }
        String contact = blank(input.contact()) ? null : input.contact().strip();
        Feedback feedback = new Feedback(id, input.subjectKind(), onTask ? task.taskId() : null,
                onTask ? task.planId() : null, onTask ? task.leadUnitCode() : null,
                onTask ? null : input.projectName().strip(),
                blank(input.communeCode()) ? null : input.communeCode().strip(),
                input.rating(), input.text().strip(), contact, FeedbackStatus.RECEIVED, now, null, null, null);
        return new Change<>(feedback, new FeedbackReceived(id, 1, feedback.subjectKind.name(), feedback.taskId,
                feedback.planId, feedback.leadUnitCode, feedback.projectName, feedback.communeCode, feedback.rating,
                feedback.text, contact != null, feedback.status.name(), now));
    }

    /**
     * The units the feedback is addressed to: the unit leading the task it is about, and the commune it names (a
     * commune's project, or where a task's work is done). Their officers may answer it.
     */
    public List<String> addressedTo() {
        List<String> units = new ArrayList<>();
        if (leadUnitCode != null) {
            units.add(leadUnitCode);
        }
        if (communeCode != null && !communeCode.equals(leadUnitCode)) {
            units.add(communeCode);
        }
        return units;
    }

    public Change<Feedback> answer(long version, String by, String answer, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (blank(by)) {
            violations.add(new FieldViolation("answeredBy", "the official or office that answers"));
        }
        if (blank(answer)) {
            violations.add(new FieldViolation("response", "the answer"));
        } else if (answer.strip().length() > MAX_RESPONSE) {
            violations.add(new FieldViolation("response", "at most " + MAX_RESPONSE + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (status == FeedbackStatus.ANSWERED) {
            throw new StateConflictException("Feedback " + id + " was already answered by " + answeredBy);
        }
        Feedback answered = new Feedback(id, subjectKind, taskId, planId, leadUnitCode, projectName, communeCode,
                rating, text, contact, FeedbackStatus.ANSWERED, receivedAt, by.strip(), answer.strip(), now);
        return new Change<>(answered, new FeedbackAnswered(id, version + 1, subjectKind.name(), taskId, planId,
                communeCode, answered.answeredBy, answered.response, answered.status.name(), now));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
