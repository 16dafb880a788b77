from django.db import migrations

HEADLINE = "Học để hợp tác xã vươn xa"
INTRO = (
    "Khóa học quản trị, kế toán, tiếp thị số và thương mại điện tử xuyên biên giới dành cho "
    "cán bộ hợp tác xã, học ngay trên điện thoại. Tự đánh giá mức sẵn sàng đạt VietGAP, "
    "GlobalG.A.P. và OCOP, nhận kế hoạch hành động và chứng nhận."
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Replace Wagtail's default welcome page with the platform's home page.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    Site.objects.all().delete()

    locale, _ = Locale.objects.get_or_create(language_code="vi")
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="home",
        content_type=content_type,
        locale=locale,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        headline=HEADLINE,
        intro=INTRO,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Học viện HTX"
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
