from rest_framework.permissions import SAFE_METHODS, BasePermission


class IsStaffOrReadOnly(BasePermission):
    """Reading is for any authenticated user; changing the catalogue is for staff."""

    message = "Only staff can change the catalogue."

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or request.user.is_staff


class OwnsOrderOrStaffReadsIt(BasePermission):
    """Per order: its customer may read and delete it; staff may only read it."""

    def has_object_permission(self, request, view, order) -> bool:
        if order.customer_id == request.user.pk:
            return True
        return request.user.is_staff and request.method in SAFE_METHODS
