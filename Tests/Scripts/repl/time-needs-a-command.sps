time 3  # expect error: time runs a command: write `time fit m train epochs=1` or `time { … }`, not a number
