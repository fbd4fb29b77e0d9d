history  # expect error: history is kept at the prompt only
