"""Work that need not finish inside the request, on Django 6.0's tasks framework."""

from functools import partial

from django.db import transaction
from django.tasks import task

from snippets.django_patterns.shop.models import Order


@task
def confirm_order(order_id: int) -> str:
    """Runs later, in a worker: it gets an id and loads the order fresh."""
    order = Order.objects.get(pk=order_id)
    return f"{order.customer} ordered {order.total()}"  # stands in for an email


def place_and_confirm(customer, product, quantity: int) -> Order:
    with transaction.atomic():
        order = Order.place(customer, product, quantity)
        # Enqueue once the order is committed: a worker must find it, and a rollback
        # must not leave a task behind for an order that never existed.
        transaction.on_commit(partial(confirm_order.enqueue, order.pk))
    return order
