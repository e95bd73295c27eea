"""The shop app: catalogue, orders and their business rules."""
