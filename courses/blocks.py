"""StreamField blocks of lessons and quizzes, each with its template under templates/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

LESSON_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def _named(block: blocks.FieldBlock) -> blocks.FieldBlock:
    """Wagtail draws a stream's top-level field block with its name in the block's header but
    gives the input itself no label: the input gets that name as its aria-label. A widget
    attribute, so the block's definition in the migrations stays the same."""
    block.field.widget.attrs.setdefault("aria-label", block.label)
    return block


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("example", _("Example"))],
        default="tip",
        label=_("Kind"),
    )
    text = blocks.RichTextBlock(features=LESSON_RICH_TEXT_FEATURES,
                                label=pgettext_lazy("lesson block", "Text"))

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        label = _("Callout")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=pgettext_lazy("lesson block", "Document"))
    description = blocks.CharBlock(required=False, max_length=200,
                                   label=pgettext_lazy("lesson block", "Description"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Downloadable document")


class LessonBodyBlock(blocks.StreamBlock):
    heading = _named(blocks.CharBlock(
        max_length=120, icon="title", template="blocks/heading_block.html", label=_("Heading")
    ))
    paragraph = blocks.RichTextBlock(
        features=LESSON_RICH_TEXT_FEATURES, template="blocks/paragraph_block.html",
        label=pgettext_lazy("lesson block", "Text"),
    )
    image = ImageBlock(template="blocks/image_block.html",
                       label=pgettext_lazy("lesson block", "Image"))
    video = _named(EmbedBlock(
        max_width=720, icon="media", template="blocks/video_block.html", label=_("Video")
    ))
    document = DocumentBlock()
    callout = CalloutBlock()
    table = TableBlock(
        template="blocks/table_block.html",
        label=pgettext_lazy("lesson block", "Table"),
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right",
                                       "remove_row", "remove_col", "undo", "redo"]},
    )


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.CharBlock(
        required=False, max_length=500, label=_("Feedback"),
        help_text=_("Shown after submission to a learner who chose this answer."),
    )


class _ChoiceBlock(blocks.StructBlock):
    """A question with answers, some marked correct; subclasses say how many may be."""

    question = blocks.CharBlock(max_length=500, label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("Answers"))
    correct_count_message = ""

    def correct_count_allowed(self, count: int) -> bool:
        raise NotImplementedError

    def clean(self, value):
        value = super().clean(value)
        if not self.correct_count_allowed(sum(1 for o in value["options"] if o["correct"])):
            raise blocks.StructBlockValidationError(
                block_errors={"options": ValidationError(str(self.correct_count_message))}
            )
        return value


class SingleChoiceBlock(_ChoiceBlock):
    correct_count_message = _("Mark exactly one answer as correct.")

    def correct_count_allowed(self, count: int) -> bool:
        return count == 1

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceBlock(_ChoiceBlock):
    correct_count_message = _("Mark at least one answer as correct.")

    def correct_count_allowed(self, count: int) -> bool:
        return count >= 1

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=500, label=_("Statement"))
    answer = blocks.BooleanBlock(required=False, label=_("The statement is true"))
    feedback_true = blocks.CharBlock(
        required=False, max_length=500, label=_("Feedback for 'true'"))
    feedback_false = blocks.CharBlock(
        required=False, max_length=500, label=_("Feedback for 'false'"))

    class Meta:
        icon = "tick-inverse"
        label = _("True or false")


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()

    class Meta:
        min_num = 1
