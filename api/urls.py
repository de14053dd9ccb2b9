from django.urls import include, path
from rest_framework.routers import SimpleRouter

from api import views as api

router = SimpleRouter()
router.register("meetings", api.MeetingViewSet, basename="api-meeting")
router.register("directives", api.DirectiveViewSet, basename="api-directive")
router.register("programs", api.ProgramViewSet, basename="api-program")

urlpatterns = [path("", include(router.urls))]
