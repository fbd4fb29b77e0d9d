bump 3  # expect error: argument 'c' of bump must be a Counter, got number 3
