"""Demo data for `make run`: the `seed_demo` command, which sits above every app it seeds."""
