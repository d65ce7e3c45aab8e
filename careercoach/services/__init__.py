"""Use cases shared by the command line and the GUI; each call owns one transaction."""
