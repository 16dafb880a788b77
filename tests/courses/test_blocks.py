"""Quiz question blocks refuse a wrong number of correct answers with a message for the trainer."""

import pytest
from wagtail.blocks import StructBlockValidationError

from courses.blocks import MultipleChoiceBlock, SingleChoiceBlock


def option(correct: bool) -> dict:
    return {"text": "Đáp án", "correct": correct, "feedback": ""}


@pytest.mark.parametrize(
    ("block_class", "flags", "valid"),
    [
        (SingleChoiceBlock, [True, False], True),
        (SingleChoiceBlock, [True, True], False),
        (SingleChoiceBlock, [False, False], False),
        (MultipleChoiceBlock, [True, True], True),
        (MultipleChoiceBlock, [False, False], False),
    ],
)
def test_a_choice_question_checks_how_many_answers_are_correct(block_class, flags, valid):
    block = block_class()
    value = block.to_python({"question": "Câu hỏi", "options": [option(f) for f in flags]})

    if valid:
        block.clean(value)
    else:
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        assert error.value.block_errors["options"].messages
