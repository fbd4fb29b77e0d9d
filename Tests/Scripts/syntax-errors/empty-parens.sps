x = ()  # expect error: empty parentheses
