import uuid

from django.db import migrations

from lms.accounts.roles import TRAINERS, grant

# slug -> (Vietnamese name, English name)
CATEGORIES = [
    ("management", "Quản trị hợp tác xã", "Cooperative management"),
    ("accounting", "Kế toán", "Accounting"),
    ("digital-marketing", "Tiếp thị số", "Digital marketing"),
    ("cross-border-ecommerce", "Thương mại điện tử xuyên biên giới", "Cross-border e-commerce"),
]


def create_catalog(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    CourseIndexPage = apps.get_model("courses.CourseIndexPage")
    CourseCategory = apps.get_model("courses.CourseCategory")

    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    for order, (slug, name_vi, name_en) in enumerate(CATEGORIES):
        key = uuid.uuid4()
        CourseCategory.objects.get_or_create(
            slug=slug, locale=vi,
            defaults={"name": name_vi, "translation_key": key, "sort_order": order},
        )
        CourseCategory.objects.get_or_create(
            slug=slug, locale=en,
            defaults={"name": name_en, "translation_key": key, "sort_order": order},
        )

    home = Page.objects.filter(depth=2, locale=vi, content_type__model="homepage").first()
    if home is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="courses",
                                                        model="courseindexpage")
    catalog = CourseIndexPage.objects.create(
        title="Khóa học",
        draft_title="Khóa học",
        slug="khoa-hoc",
        content_type=content_type,
        locale=vi,
        translation_key=uuid.uuid4(),
        path=f"{home.path}{home.numchild + 1:04d}",
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}khoa-hoc/",
        live=True,
        intro="Các khóa học ngắn, học trên điện thoại, do giảng viên của liên minh hợp tác xã "
        "biên soạn cho cán bộ và thành viên hợp tác xã.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    # Trainers create courses, lessons and quizzes under the catalog and publish them. With
    # "add" (not "change") a trainer edits only the pages they own: others' drafts stay theirs.
    grant(apps, TRAINERS, ["courses.add_coursecategory", "courses.change_coursecategory"])
    trainers = Group.objects.get(name=TRAINERS)
    for codename in ["add_page", "publish_page"]:
        GroupPagePermission.objects.get_or_create(
            group=trainers, page=catalog,
            permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                              codename=codename),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("accounts", "0002_trainers_group"),
    ]
    operations = [migrations.RunPython(create_catalog, migrations.RunPython.noop)]
