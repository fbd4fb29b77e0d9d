x = 5
x 1  # expect error: 'x' is a number, not a command
