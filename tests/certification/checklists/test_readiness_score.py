"""`manage.py readiness_score` scores a filled-in answer sheet against a published checklist."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories.checklists import globalgap_dict, ocop_dict, version_from_dict

pytestmark = pytest.mark.django_db

ALL_GLOBALGAP = "\n".join(
    ["profile: {greenhouse: false}", "answers:"]
    + [f'  "AF.{i}": yes' for i in (1, 2)] + ['  "AF.R1": no']
    + [f'  "CB.{i}": yes' for i in range(1, 21)])


def score(tmp_path, checklist, text, *extra):
    """The command's output; its messages in English unless ``extra`` says otherwise."""
    sheet = tmp_path / "phieu.yaml"
    sheet.write_text(text, encoding="utf-8")
    out = StringIO()
    if "--language" not in extra:
        extra = (*extra, "--language", "en")
    call_command("readiness_score", "--checklist", checklist, "--answers", str(sheet), *extra,
                 stdout=out)
    return out.getvalue()


def refusal(tmp_path, checklist, text):
    with pytest.raises(CommandError) as caught:
        score(tmp_path, checklist, text)
    return str(caught.value)


@pytest.fixture
def globalgap():
    return version_from_dict(globalgap_dict())


@pytest.fixture
def ocop():
    data = ocop_dict()
    c12 = data["sections"][2]["points"][1]
    c12["options"][0]["refuses"] = True  # "Low" on C1.2 stands for a refusal ground
    data["sections"][0]["points"][0]["options"][1]["min_stars"] = 3  # A1.1 at least "Medium"
    return version_from_dict(data)


def test_a_complete_globalgap_sheet_is_ready_as_json(tmp_path, globalgap):
    result = json.loads(score(tmp_path, "globalgap-test", ALL_GLOBALGAP, "--json"))

    assert result == {"checklist": "globalgap-test", "version": "v1",
                      "rule": "percent_by_level", "ready": True, "stars": None,
                      "eligible": True, "reasons": ["ready"]}


def test_a_single_major_must_failed_alone_is_not_ready(tmp_path, globalgap):
    text = ALL_GLOBALGAP.replace('"AF.2": yes', '"AF.2": no')

    result = json.loads(score(tmp_path, "globalgap-test", text, "--json"))

    assert not result["ready"]
    assert result["reasons"] == ["major_failed", "AF.2: not_compliant (major)"]


def test_the_text_output_names_the_verdict_and_what_blocks_it(tmp_path, globalgap):
    text = ALL_GLOBALGAP.replace('"AF.2": yes', '"AF.2": no')

    output = score(tmp_path, "globalgap-test", text)

    assert "NOT READY" in output and "AF.2: not_compliant (major)" in output


def test_an_ocop_sheet_answers_by_points_and_reports_stars_minimums_and_refusals(tmp_path,
                                                                                 ocop):
    best = ('answers: {"A1.1": 20, "A1.2": 20, "B1.1": 15, "B1.2": 10, "C1.1": 20, '
            '"C1.2": 15}\n')
    assert json.loads(score(tmp_path, "ocop-test", best, "--json"))["stars"] == 5

    below_minimum = best.replace('"A1.1": 20', '"A1.1": 0')
    result = json.loads(score(tmp_path, "ocop-test", below_minimum, "--json"))
    assert (result["total"], result["band_stars"], result["stars"]) == (80, 4, 2)
    assert result["reasons"] == ["minimums_not_met", "A1.1: below the minimum of 3 stars"]

    refused = best.replace('"C1.2": 15', '"C1.2": a')
    result = json.loads(score(tmp_path, "ocop-test", refused, "--json"))
    assert not result["eligible"] and not result["ready"]
    assert result["reasons"] == ["not_eligible", "C1.2: refuses the dossier"]


def test_a_bad_sheet_is_refused_with_every_problem_and_its_line(tmp_path, globalgap):
    text = "\n".join([
        "profile: {greenhouse: perhaps, orchard: true}",  # line 1
        "answers:",                                        # line 2
        '  "AF.1": maybe',                                 # line 3
        '  "ZZ.9": yes',                                   # line 4
        "extra: 1",                                        # line 5
    ])

    message = refusal(tmp_path, "globalgap-test", text)

    assert "line 1: answer the profile question “greenhouse” with true or false." in message
    assert "line 1: “orchard” is not a profile question of this checklist." in message
    assert "line 3: answer “AF.1” with yes, no or na, not “maybe”." in message
    assert "line 4: “ZZ.9” is not a control point of this checklist." in message
    assert "line 5: “extra” is not a part of an answer sheet" in message


def test_an_ocop_answer_worth_no_option_names_the_options(tmp_path, ocop):
    message = refusal(tmp_path, "ocop-test", 'answers:\n  "A1.1": 7\n')

    assert "line 2: criterion “A1.1” has no option worth 7 points; its options are worth " \
        "0, 10, 20." in message


def test_invalid_yaml_names_the_line(tmp_path, globalgap):
    message = refusal(tmp_path, "globalgap-test", "answers:\n  - [unclosed\n")

    assert "line 3" in message and "not valid YAML" in message


def test_an_unknown_checklist_lists_the_known_ones(tmp_path, globalgap):
    message = refusal(tmp_path, "nope", "answers: {}\n")

    assert "No published checklist “nope”" in message and "globalgap-test" in message


def test_messages_are_in_vietnamese_by_default(tmp_path, globalgap):
    sheet = tmp_path / "phieu.yaml"
    sheet.write_text('answers:\n  "ZZ.9": yes\n', encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        call_command("readiness_score", "--checklist", "globalgap-test", "--answers", str(sheet))

    assert "dòng 2: “ZZ.9” không phải điểm kiểm soát của bộ tiêu chí này." in str(caught.value)


def test_an_official_number_written_with_a_space_names_the_point(tmp_path, globalgap):
    """GlobalG.A.P. prints "AF 2"; the checklist codes it AF.2."""
    text = ALL_GLOBALGAP.replace('"AF.2": yes', '"AF 2": no')

    result = json.loads(score(tmp_path, "globalgap-test", text, "--json"))

    assert result["reasons"] == ["major_failed", "AF.2: not_compliant (major)"]
