from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.permissions import IsReader
from directives import views as directive_views
from lamphun_portal.lib.security import LoginForm

urlpatterns = [
    # The home page after login: the dashboard of directives.
    path("", directive_views.dashboard, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/", include("accounts.urls")),
    path("notifications/", include("notifications.urls")),
    # Paths kept as they were when one app held them all (people have bookmarks): the areas below share
    # /meetings/, the more specific prefixes first.
    path("meetings/directives/", include("directives.urls")),
    path("meetings/search/", include("search.urls")),
    path("meetings/import/", include("news_import.urls")),
    path("meetings/invitations/", include("invitations.urls")),
    path("meetings/", include("history.urls")),
    path("meetings/", include("minutes.urls")),
    path("meetings/", include("meetings.urls")),
    path("programs/", include("programs.urls")),
    path("reports/", include("reports.urls")),
    path("news/", include("news.urls")),
    path("admin/", admin.site.urls),
    # Read-only JSON API and its OpenAPI schema.
    path("api/v1/", include("api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[IsReader]), name="api-schema"),
    # Readable documentation of the schema for the same readers (Swagger UI from drf-spectacular-sidecar). The
    # split view serves its start-up script as a file (?script=): the CSP allows no inline script.
    path(
        "api/docs/",
        login_required(
            SpectacularSwaggerSplitView.as_view(
                url_name="api-schema",
                permission_classes=[IsReader],
                template_name="api/docs.html",
                title=_("เอกสาร API ระบบบันทึกการประชุม"),
            )
        ),
        name="api-docs",
    ),
]
