"""CareerCoach: a private desktop coach for growing toward the next career level."""

__version__ = "0.1.0"
APP_NAME = "CareerCoach"
APP_ID = "careercoach"
