from django.db.models import F, Sum
from rest_framework import mixins, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.throttling import ScopedRateThrottle

from snippets.django_patterns.shop.models import Order, Product
from snippets.django_patterns.shop.permissions import (
    IsStaffOrReadOnly,
    OwnsOrderOrStaffReadsIt,
)
from snippets.django_patterns.shop.serializers import OrderSerializer, ProductSerializer


class ProductViewSet(viewsets.ModelViewSet):
    serializer_class = ProductSerializer
    permission_classes = (IsAuthenticated, IsStaffOrReadOnly)
    # select_related: the serializer reads product.category.name for every row.
    queryset = Product.objects.with_category()

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.request.user.is_staff else queryset.active()


class NewestFirst(CursorPagination):
    # The cursor points between two values of a unique column that never changes.
    ordering = "-id"
    page_size = 2


class OrderViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Customers list, read and delete their own orders; staff read every order."""

    serializer_class = OrderSerializer
    permission_classes = (IsAuthenticated, OwnsOrderOrStaffReadsIt)
    pagination_class = NewestFirst
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "orders"  # the rate is in REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]

    def get_queryset(self):
        # Object permissions never run on a list: filter the rows here.
        orders = Order.objects.select_related("customer").annotate(
            total=Sum(F("lines__quantity") * F("lines__unit_price"))
        )
        if self.request.user.is_staff:
            return orders
        return orders.filter(customer=self.request.user)
