"""Grading of quiz answers: a pure module (no Django), so every rule is tested directly.

A question is {"id", "kind", "correct", "feedback"}: `correct` is the set of option keys that
make the right answer, `feedback` maps option keys to the text a learner who chose them sees.
Answers map question ids to the set of option keys the learner chose. Every question is worth one
point; a multiple-choice question counts only when the chosen set is exactly the correct set.

A review judges each option on its own (chosen and right, chosen and wrong, right and missed), so
the trainer's feedback, written about one option, is never read as the verdict on the whole
answer."""

from dataclasses import dataclass, field

SINGLE = "single_choice"
MULTIPLE = "multiple_choice"
TRUE_FALSE = "true_false"
TRUE, FALSE = "true", "false"
CHOSEN_RIGHT, CHOSEN_WRONG, MISSED = "chosen_right", "chosen_wrong", "missed"


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    correct: frozenset[str]
    options: tuple[str, ...]
    feedback: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuestionResult:
    id: str
    chosen: frozenset[str]
    correct: bool
    feedback: tuple[str, ...]
    missed: int = 0  # right options the learner did not choose


@dataclass(frozen=True)
class Grade:
    results: tuple[QuestionResult, ...]
    score: float  # percent, 0 to 100, one decimal
    passed: bool

    @property
    def correct_count(self) -> int:
        return sum(1 for result in self.results if result.correct)


def clean_answers(
    questions: list[Question], raw: dict[str, list[str]]
) -> dict[str, frozenset[str]]:
    """Keep only answers to known questions and known options; a single-choice or true/false
    question keeps at most one option (a forged form cannot tick two)."""
    answers = {}
    for question in questions:
        chosen = [key for key in raw.get(question.id, []) if key in question.options]
        if question.kind in (SINGLE, TRUE_FALSE):
            chosen = chosen[:1]
        answers[question.id] = frozenset(chosen)
    return answers


def unanswered(questions: list[Question], answers: dict[str, frozenset[str]]) -> list[str]:
    return [question.id for question in questions if not answers.get(question.id)]


def grade(questions: list[Question], answers: dict[str, frozenset[str]], pass_mark: int) -> Grade:
    results = []
    for question in questions:
        chosen = answers.get(question.id, frozenset())
        results.append(
            QuestionResult(
                id=question.id,
                chosen=chosen,
                correct=bool(chosen) and chosen == question.correct,
                feedback=tuple(
                    question.feedback[key]
                    for key in question.options
                    if key in chosen and question.feedback.get(key)
                ),
                missed=len(question.correct - chosen),
            )
        )
    total = len(results)
    score = round(100 * sum(r.correct for r in results) / total, 1) if total else 0.0
    return Grade(results=tuple(results), score=score, passed=total > 0 and score >= pass_mark)


@dataclass(frozen=True)
class OptionReview:
    key: str
    outcome: str  # CHOSEN_RIGHT, CHOSEN_WRONG or MISSED
    feedback: str


def review(question: Question, chosen: frozenset[str], *, reveal: bool) -> tuple[OptionReview, ...]:
    """The options a learner's review speaks of, in the question's order: those chosen, and with
    `reveal` the right ones left out. Without it the right answers of a missed question stay
    hidden, since they would be the answers of the learner's next attempt."""
    reviewed = []
    for key in question.options:
        if key in chosen:
            outcome = CHOSEN_RIGHT if key in question.correct else CHOSEN_WRONG
        elif reveal and key in question.correct:
            outcome = MISSED
        else:
            continue
        reviewed.append(OptionReview(key=key, outcome=outcome,
                                     feedback=question.feedback.get(key, "")))
    return tuple(reviewed)
