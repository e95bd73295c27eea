"""Thin views: validate the input, call the model, shape the response."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from snippets.django_patterns.shop.models import Order, OutOfStock, Product


class BuyForm(forms.Form):
    quantity = forms.IntegerField(min_value=1, max_value=100)


@login_required
@require_POST
def buy(request, pk: int):
    product = get_object_or_404(Product.objects.active(), pk=pk)
    form = BuyForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    try:
        order = Order.place(request.user, product, form.cleaned_data["quantity"])
    except OutOfStock as error:
        return JsonResponse({"error": str(error)}, status=409)
    return JsonResponse({"order": order.pk, "total": str(order.total())}, status=201)


@require_GET
def product_names(request):
    names = list(Product.objects.active().values_list("name", flat=True))
    return JsonResponse(names, safe=False)  # a list, not a dict: safe=False
