app_name = "webwatch"

urlpatterns: list = []
