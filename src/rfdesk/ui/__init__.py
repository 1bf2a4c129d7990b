"""The Qt window: a thin shell over the services."""
