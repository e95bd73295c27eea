from django.urls import include, path
from rest_framework.routers import DefaultRouter

from snippets.django_patterns.shop import async_views, views
from snippets.django_patterns.shop.api import OrderViewSet, ProductViewSet

router = DefaultRouter()
router.register("products", ProductViewSet)
router.register("orders", OrderViewSet, basename="order")

urlpatterns = [
    path("api/", include(router.urls)),
    path("shop/names/", views.product_names),
    path("shop/<int:pk>/", async_views.product_detail),
    path("shop/<int:pk>/buy/", views.buy),
    path("shop/summary/", async_views.catalogue_summary),
]
