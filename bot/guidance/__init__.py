"""Machine-readable guidance: schema, loading and validation."""
