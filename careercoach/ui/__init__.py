"""The Qt desktop interface."""
