"""Learner pages: a course (enroll, bulk-enroll), a lesson, a quiz (and asking for more attempts
at it), and "My learning"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from courses import grading, selectors, services
from courses.models import QuizAttempt, QuizPage


def course_page(request, page):
    enrollment = selectors.enrollment_for(user=request.user, course=page)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(page.url)
        action = request.POST.get("action")
        if action == "enroll":
            enrollment = services.enrollment_create(user=request.user, course=page)
            messages.success(request, _("You are enrolled. Start with the first lesson."))
            first = selectors.enrollment_progress(
                enrollment=enrollment,
                outline=selectors.course_facts(course_path=page.path).outline).next_item()
            return redirect(first.url if first else page.url)
        if action == "enroll_members":
            return _enroll_members(request, page)
        return redirect(page.url)

    facts = selectors.course_facts(course_path=page.path)
    outline = facts.outline
    progress = selectors.enrollment_progress(enrollment=enrollment, outline=outline)
    resume = None
    if enrollment is not None:
        resume = (progress.next_item(after_key=enrollment.last_page_key)
                  if not progress.is_complete else None)
    members = (list(selectors.members_a_manager_can_enroll(manager=request.user))
               if request.user.is_authenticated else [])
    if members:
        enrolled = selectors.enrolled_user_ids(course=page, users=members)
        for member in members:
            member.already_enrolled = member.pk in enrolled
    return TemplateResponse(request, "courses/course_page.html", {
        "page": page, "self": page, "facts": facts, "outline": outline, "progress": progress,
        "enrollment": enrollment, "resume": resume, "members": members,
        "category": selectors.category_shown(page.category),
        "prerequisites": facts.prerequisites,
    })


def _enroll_members(request, page):
    ids = [int(i) for i in request.POST.getlist("members") if i.isdigit()]
    if not ids:
        messages.error(request, _("Choose at least one member to enroll."))
        return redirect(page.url)
    try:
        added = services.enrollment_bulk_create(manager=request.user, course=page, user_ids=ids)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect(page.url)
    messages.success(request, ngettext("%(count)d member enrolled.",
                                       "%(count)d members enrolled.", added) % {"count": added})
    return redirect(page.url)


def _enrollment_or_redirect(request, page):
    """Lessons and quizzes are for enrolled learners; others go to the course page. The course
    comes as its cached `CourseFacts`: its name, address, key and outline."""
    course = selectors.course_facts_of_item(page)
    if not request.user.is_authenticated:
        return course, None, redirect_to_login(page.url)
    enrollment = selectors.enrollment_for(user=request.user, course=course)
    if enrollment is None:
        messages.info(request, _("Enroll in the course to open its lessons and quizzes."))
        return course, None, redirect(course.url)
    return course, enrollment, None


def lesson_page(request, page):
    course, enrollment, refusal = _enrollment_or_redirect(request, page)
    if refusal:
        return refusal
    outline = course.outline
    if request.method == "POST":
        services.lesson_complete(enrollment=enrollment, lesson=page)
        enrollment.refresh_from_db()
        progress = selectors.enrollment_progress(enrollment=enrollment, outline=outline)
        if enrollment.is_completed:
            messages.success(request, _("Congratulations! You have completed the course."))
            return redirect(course.url)
        following = progress.next_item(after_key=page.translation_key)
        return redirect(following.url if following else course.url)
    services.lesson_visit(enrollment=enrollment, lesson=page)
    progress = selectors.enrollment_progress(enrollment=enrollment, outline=outline)
    previous, following = progress.neighbours(page.translation_key)
    return TemplateResponse(request, "courses/lesson_page.html", {
        "page": page, "self": page, "course": course, "progress": progress,
        "done": page.translation_key in progress.done_keys,
        "previous": previous, "following": following,
    })


def lesson_preview(request, page):
    """What a learner will see, for the trainer's preview: no enrollment, nothing recorded."""
    course = page.get_parent().specific
    return TemplateResponse(request, "courses/lesson_page.html", {
        "page": page, "self": page, "course": course, "preview": True,
        "progress": selectors.enrollment_progress(enrollment=None, outline=[]),
    })


def quiz_preview(request, page):
    course = page.get_parent().specific
    return TemplateResponse(request, "courses/quiz_page.html", {
        "page": page, "self": page, "course": course, "preview": True,
        "attempts": [], "attempts_left": page.attempts_left(0), "can_attempt": True,
        "questions": page.questions_for_display(seed="preview"),
        "progress": selectors.enrollment_progress(enrollment=None, outline=[]),
    })


def quiz_page(request, page):
    course, enrollment, refusal = _enrollment_or_redirect(request, page)
    if refusal:
        return refusal
    attempts = selectors.quiz_attempts(enrollment=enrollment, quiz=page)
    chosen, error = {}, None
    if request.method == "POST":
        raw = {key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-")}
        try:
            attempt = services.quiz_submit(enrollment=enrollment, quiz=page, raw_answers=raw)
        except ValidationError as exc:
            error = exc.messages[0]
            chosen = raw
        else:
            return redirect(f"{page.url}?attempt={attempt.number}")

    shown_attempt = None
    if request.GET.get("attempt", "").isdigit():
        shown_attempt = next((a for a in attempts if a.number == int(request.GET["attempt"])),
                             None)
    standing = selectors.quiz_standing(
        quiz=page, attempts=attempts,
        granted=selectors.quiz_attempts_granted(enrollment=enrollment, quiz=page))
    can_attempt = standing.can_attempt
    context = {
        "page": page, "self": page, "course": course, "enrollment": enrollment,
        "attempts": attempts, "passed": standing.passed, "attempts_left": standing.attempts_left,
        "can_attempt": can_attempt, "error": error,
        "may_ask": standing.may_ask_for_more,
        "attempt_request": (selectors.attempt_request_latest(enrollment=enrollment, quiz=page)
                            if standing.may_ask_for_more else None),
        "progress": selectors.enrollment_progress(enrollment=enrollment, outline=course.outline),
    }
    if shown_attempt is not None:
        context["result"] = _result_view(page, shown_attempt,
                                         reveal=standing.answers_revealed)
    elif can_attempt:
        questions = page.questions_for_display(
            seed=_shown_order_seed(enrollment_id=enrollment.pk, number=len(attempts) + 1))
        for question in questions:
            question["chosen"] = set(chosen.get(question["id"], []))
        context["questions"] = questions
    return TemplateResponse(request, "courses/quiz_page.html", context)


@login_required
@require_POST
def attempts_ask(request, quiz_id):
    """The learner out of attempts asks the course's trainers for more."""
    page = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    course, enrollment, refusal = _enrollment_or_redirect(request, page)
    if refusal:
        return refusal
    try:
        _request, created = services.attempt_request_create(
            enrollment=enrollment, quiz=page, message=request.POST.get("message", ""))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if created:
            messages.success(request, _("Your request has been sent to the trainer. You will "
                                        "be told when they answer."))
        else:
            messages.info(request, _("You have already asked for more attempts. The trainer "
                                     "has not answered yet: you will be told when they do."))
    return redirect(page.url)


def _shown_order_seed(*, enrollment_id: int, number: int) -> str:
    """The seed of the order a shuffled quiz shows in at one attempt: the form and the review of
    that attempt share it, so the review reads in the order the learner answered in."""
    return f"{enrollment_id}-{number}"


def _result_view(page, attempt: QuizAttempt, *, reveal: bool) -> dict:
    """An attempt's result, in the order the learner saw: each question, the learner's answers,
    the verdict, and each option the review speaks of with the trainer's feedback on it. The
    right answers of missed questions show only with `reveal`."""
    questions = {question.id: question for question in page.grading_questions()}
    answers = {qid: frozenset(keys) for qid, keys in attempt.answers.items()}
    graded = {r.id: r for r in grading.grade(list(questions.values()), answers,
                                             page.pass_mark).results}
    seed = _shown_order_seed(enrollment_id=attempt.enrollment_id, number=attempt.number)
    rows = []
    for shown in page.questions_for_display(seed=seed):
        result = graded.get(shown["id"])
        if result is None:
            continue
        # A true/false question's other option is its answer: naming it adds nothing.
        reviewed = {option.key: option for option in grading.review(
            questions[shown["id"]], result.chosen,
            reveal=reveal and shown["kind"] != grading.TRUE_FALSE)}
        rows.append({
            "text": shown["text"], "kind": shown["kind"], "correct": result.correct,
            "chosen": [label for key, label in shown["options"] if key in result.chosen],
            "options": [{"label": label, "outcome": reviewed[key].outcome,
                         "feedback": reviewed[key].feedback}
                        for key, label in shown["options"] if key in reviewed],
            "missed_hidden": bool(result.missed) and not reveal,
        })
    return {"attempt": attempt, "rows": rows}


def catalog_redirect(request):
    """The catalog in the visitor's language (or the default one), from a fixed URL."""
    url = selectors.catalog_url()
    if url is None:
        raise Http404
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@login_required
def my_learning(request):
    enrollments = selectors.my_learning(user=request.user)
    return render(request, "courses/my_learning.html", {
        "in_progress": [e for e in enrollments if not e.is_completed],
        "completed": [e for e in enrollments if e.is_completed],
    })
