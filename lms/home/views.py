"""Pages of the home app beside the Wagtail home page: the help page."""

from django.shortcuts import render

from lms.home import selectors


def help_page(request):
    """Short help for what each role the person has can do here."""
    roles = selectors.help_roles(user=request.user)
    return render(request, "home/help.html", {"roles": roles})
