"""The operator's commands: back up, restore and compare databases, load the demo, seed a
benchmark organisation. They belong to the installation, not to any one part of the practice,
so they live in this small app of their own (it has no models)."""
