"""The grading rules of quizzes, on the pure `courses.grading` module (no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses import grading
from courses.grading import FALSE, MULTIPLE, SINGLE, TRUE, TRUE_FALSE, Question

SINGLE_Q = Question(
    id="single", kind=SINGLE, correct=frozenset({"0"}), options=("0", "1", "2"),
    feedback={"0": "The meeting decides.", "1": "The accountant only records.", "2": ""},
)
MULTIPLE_Q = Question(
    id="multiple", kind=MULTIPLE, correct=frozenset({"0", "1"}), options=("0", "1", "2"),
    feedback={"0": "Cash book: yes.", "1": "Vouchers: yes.", "2": "Weather diary: no."},
)
TRUE_FALSE_Q = Question(
    id="true-false", kind=TRUE_FALSE, correct=frozenset({TRUE}), options=(TRUE, FALSE),
    feedback={TRUE: "Yes, transparency.", FALSE: "They may."},
)
QUIZ = [SINGLE_Q, MULTIPLE_Q, TRUE_FALSE_Q]
ALL_RIGHT = {"single": frozenset({"0"}), "multiple": frozenset({"0", "1"}),
             "true-false": frozenset({TRUE})}


def answers(**chosen):
    """Answers keyed by question id (underscores stand for dashes), each a set of options."""
    return {key.replace("_", "-"): frozenset(value) for key, value in chosen.items()}


def correct_of(question, chosen, pass_mark=70):
    result = grading.grade([question], {question.id: frozenset(chosen)}, pass_mark)
    return result.results[0].correct


# --- each kind of question, right and wrong


def test_single_choice_with_the_right_option_is_correct():
    assert correct_of(SINGLE_Q, {"0"}) is True


def test_single_choice_with_a_wrong_option_is_not_correct():
    assert correct_of(SINGLE_Q, {"1"}) is False


def test_multiple_choice_with_exactly_the_correct_set_is_correct():
    assert correct_of(MULTIPLE_Q, {"0", "1"}) is True


def test_multiple_choice_with_a_subset_of_the_correct_set_is_not_correct():
    assert correct_of(MULTIPLE_Q, {"0"}) is False


def test_multiple_choice_with_a_superset_of_the_correct_set_is_not_correct():
    assert correct_of(MULTIPLE_Q, {"0", "1", "2"}) is False


def test_true_false_answered_true_when_the_statement_is_true_is_correct():
    assert correct_of(TRUE_FALSE_Q, {TRUE}) is True


def test_true_false_answered_false_when_the_statement_is_true_is_not_correct():
    assert correct_of(TRUE_FALSE_Q, {FALSE}) is False


def test_true_false_answered_false_when_the_statement_is_false_is_correct():
    false_statement = Question(id="tf", kind=TRUE_FALSE, correct=frozenset({FALSE}),
                               options=(TRUE, FALSE))
    assert correct_of(false_statement, {FALSE}) is True
    assert correct_of(false_statement, {TRUE}) is False


def test_an_empty_answer_is_not_correct():
    assert correct_of(SINGLE_Q, set()) is False


# --- score and pass mark


def test_all_right_scores_100_and_passes():
    result = grading.grade(QUIZ, ALL_RIGHT, 100)
    assert result.score == 100.0
    assert result.passed is True
    assert result.correct_count == 3


def test_all_wrong_scores_0_and_fails():
    result = grading.grade(QUIZ, answers(single={"1"}, multiple={"2"}, true_false={FALSE}), 1)
    assert result.score == 0.0
    assert result.passed is False
    assert result.correct_count == 0


def test_two_right_of_three_scores_66_7():
    result = grading.grade(QUIZ, {**ALL_RIGHT, "single": frozenset({"1"})}, 70)
    assert result.score == 66.7
    assert result.correct_count == 2


def test_two_right_of_three_fails_at_a_pass_mark_of_70():
    assert grading.grade(QUIZ, {**ALL_RIGHT, "single": frozenset({"1"})}, 70).passed is False


def test_two_right_of_three_passes_at_a_pass_mark_of_60():
    assert grading.grade(QUIZ, {**ALL_RIGHT, "single": frozenset({"1"})}, 60).passed is True


@pytest.mark.parametrize(("pass_mark", "passed"), [(74, True), (75, True), (76, False)])
def test_a_score_exactly_at_the_pass_mark_passes_and_just_below_fails(pass_mark, passed):
    four = [*QUIZ, Question(id="extra", kind=TRUE_FALSE, correct=frozenset({FALSE}),
                            options=(TRUE, FALSE))]
    result = grading.grade(four, {**ALL_RIGHT, "extra": frozenset({TRUE})}, pass_mark)
    assert result.score == 75.0
    assert result.passed is passed


def test_a_quiz_without_questions_scores_0_and_never_passes():
    result = grading.grade([], {}, 1)
    assert result.score == 0.0
    assert result.passed is False


# --- cleaning the submitted form


def test_clean_answers_drops_answers_to_unknown_questions():
    cleaned = grading.clean_answers(QUIZ, {"single": ["0"], "forged": ["0"]})
    assert set(cleaned) == {"single", "multiple", "true-false"}
    assert "forged" not in cleaned


def test_clean_answers_drops_unknown_options():
    cleaned = grading.clean_answers(QUIZ, {"single": ["7"], "multiple": ["0", "9", "x"],
                                           "true-false": ["maybe"]})
    assert cleaned == answers(single=set(), multiple={"0"}, true_false=set())


def test_clean_answers_keeps_one_option_of_a_single_choice_question():
    cleaned = grading.clean_answers(QUIZ, {"single": ["1", "0"]})
    assert cleaned["single"] == frozenset({"1"})


def test_clean_answers_keeps_one_option_of_a_true_false_question():
    cleaned = grading.clean_answers(QUIZ, {"true-false": [FALSE, TRUE]})
    assert cleaned["true-false"] == frozenset({FALSE})


def test_clean_answers_keeps_every_known_option_of_a_multiple_choice_question():
    cleaned = grading.clean_answers(QUIZ, {"multiple": ["2", "0", "1"]})
    assert cleaned["multiple"] == frozenset({"0", "1", "2"})


def test_clean_answers_gives_an_empty_set_to_a_question_not_in_the_form():
    assert grading.clean_answers(QUIZ, {})["multiple"] == frozenset()


def test_a_forged_form_ticking_every_single_choice_option_is_not_correct():
    cleaned = grading.clean_answers(QUIZ, {"single": ["1", "0", "2"]})
    assert grading.grade([SINGLE_Q], cleaned, 70).results[0].correct is False


# --- unanswered questions


def test_unanswered_lists_the_ids_of_unanswered_questions_in_order():
    cleaned = grading.clean_answers(QUIZ, {"multiple": ["0"]})
    assert grading.unanswered(QUIZ, cleaned) == ["single", "true-false"]


def test_unanswered_counts_a_question_with_only_unknown_options_as_unanswered():
    cleaned = grading.clean_answers(QUIZ, {"single": ["9"], "multiple": ["0"],
                                           "true-false": [TRUE]})
    assert grading.unanswered(QUIZ, cleaned) == ["single"]


def test_unanswered_is_empty_when_every_question_is_answered():
    assert grading.unanswered(QUIZ, ALL_RIGHT) == []


# --- feedback


def test_feedback_is_that_of_the_chosen_option_only():
    result = grading.grade([SINGLE_Q], {"single": frozenset({"1"})}, 70).results[0]
    assert result.feedback == ("The accountant only records.",)


def test_feedback_of_a_multiple_choice_lists_each_chosen_option_in_option_order():
    result = grading.grade([MULTIPLE_Q], {"multiple": frozenset({"2", "0"})}, 70).results[0]
    assert result.feedback == ("Cash book: yes.", "Weather diary: no.")


def test_feedback_never_includes_an_option_that_was_not_chosen():
    result = grading.grade([MULTIPLE_Q], {"multiple": frozenset({"0"})}, 70).results[0]
    assert "Vouchers: yes." not in result.feedback
    assert "Weather diary: no." not in result.feedback


def test_an_option_without_feedback_adds_no_empty_feedback():
    result = grading.grade([SINGLE_Q], {"single": frozenset({"2"})}, 70).results[0]
    assert result.feedback == ()


def test_true_false_feedback_is_that_of_the_chosen_answer():
    result = grading.grade([TRUE_FALSE_Q], {"true-false": frozenset({FALSE})}, 70).results[0]
    assert result.feedback == ("They may.",)


def test_results_keep_the_chosen_options():
    result = grading.grade(QUIZ, ALL_RIGHT, 70)
    assert [r.chosen for r in result.results] == [ALL_RIGHT[q.id] for q in QUIZ]


# --- properties


@st.composite
def questions(draw):
    """A list of valid questions: unique ids, 2 to 5 options, at least one correct option
    (exactly one for single choice and true/false)."""
    count = draw(st.integers(min_value=1, max_value=8))
    built = []
    for i in range(count):
        kind = draw(st.sampled_from([SINGLE, MULTIPLE, TRUE_FALSE]))
        if kind == TRUE_FALSE:
            options = (TRUE, FALSE)
            correct = frozenset({draw(st.sampled_from(options))})
        else:
            n = draw(st.integers(min_value=2, max_value=5))
            options = tuple(str(k) for k in range(n))
            if kind == SINGLE:
                correct = frozenset({draw(st.sampled_from(options))})
            else:
                correct = frozenset(draw(st.sets(st.sampled_from(options), min_size=1)))
        built.append(Question(id=f"q{i}", kind=kind, correct=correct, options=options,
                              feedback={key: f"feedback {i}/{key}" for key in options}))
    return built


@st.composite
def quiz_and_raw_answers(draw):
    """Questions and a raw form submission: lists of option keys, known or not, per question
    id, plus perhaps answers to questions that do not exist."""
    quiz = draw(questions())
    raw = {}
    for question in quiz:
        keys = st.sampled_from([*question.options, "unknown", ""])
        raw[question.id] = draw(st.lists(keys, max_size=6))
    raw.update(draw(st.dictionaries(st.text(max_size=5).filter(lambda k: not k.startswith("q")),
                                    st.lists(st.text(max_size=3), max_size=3), max_size=2)))
    return quiz, raw


@given(quiz_and_raw_answers(), st.integers(min_value=1, max_value=100))
def test_property_the_score_is_between_0_and_100(quiz_and_raw, pass_mark):
    quiz, raw = quiz_and_raw
    result = grading.grade(quiz, grading.clean_answers(quiz, raw), pass_mark)
    assert 0 <= result.score <= 100
    assert result.passed == (result.score >= pass_mark)


@given(questions(), st.integers(min_value=0, max_value=100))
def test_property_all_right_answers_always_pass(quiz, pass_mark):
    raw = {question.id: sorted(question.correct) for question in quiz}
    result = grading.grade(quiz, grading.clean_answers(quiz, raw), pass_mark)
    assert result.score == 100.0
    assert result.passed is True


@given(quiz_and_raw_answers(), st.randoms(use_true_random=False),
       st.integers(min_value=1, max_value=100))
def test_property_grading_does_not_depend_on_the_order_of_the_options_given(
    quiz_and_raw, rnd, pass_mark
):
    quiz, raw = quiz_and_raw
    # A single-choice or true/false question keeps the first option given, so its order
    # matters by design; a real form sends at most one option for those.
    kinds = {question.id: question.kind for question in quiz}
    raw = {qid: (keys if kinds.get(qid) == MULTIPLE else keys[:1]) for qid, keys in raw.items()}
    shuffled = {}
    for qid in rnd.sample(list(raw), len(raw)):
        shuffled[qid] = rnd.sample(raw[qid], len(raw[qid]))
    first = grading.grade(quiz, grading.clean_answers(quiz, raw), pass_mark)
    second = grading.grade(quiz, grading.clean_answers(quiz, shuffled), pass_mark)
    assert first == second


# --- review: each option judged on its own


def outcomes(question, chosen, *, reveal):
    return [(o.key, o.outcome) for o in grading.review(question, frozenset(chosen),
                                                       reveal=reveal)]


def test_a_review_judges_each_chosen_option_whatever_the_question_verdict():
    assert outcomes(MULTIPLE_Q, {"0", "2"}, reveal=False) == [
        ("0", grading.CHOSEN_RIGHT), ("2", grading.CHOSEN_WRONG)]


def test_a_review_without_reveal_leaves_out_the_right_options_not_chosen():
    assert outcomes(MULTIPLE_Q, {"0"}, reveal=False) == [("0", grading.CHOSEN_RIGHT)]


def test_a_review_with_reveal_names_the_right_options_not_chosen_as_missed():
    assert outcomes(MULTIPLE_Q, {"0", "2"}, reveal=True) == [
        ("0", grading.CHOSEN_RIGHT), ("1", grading.MISSED), ("2", grading.CHOSEN_WRONG)]


def test_a_review_carries_the_trainers_feedback_of_each_option_it_names():
    reviewed = grading.review(SINGLE_Q, frozenset({"1"}), reveal=True)
    assert [(o.key, o.feedback) for o in reviewed] == [
        ("0", "The meeting decides."), ("1", "The accountant only records.")]


def test_a_result_counts_the_right_options_missed():
    result = grading.grade([MULTIPLE_Q], {"multiple": frozenset({"0", "2"})}, 70).results[0]
    assert result.missed == 1
