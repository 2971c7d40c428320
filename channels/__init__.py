"""Our Rasa input channels: the stock ones plus the fixes this product needs."""
