x = r.1  # expect error: expected a member name after '.'
