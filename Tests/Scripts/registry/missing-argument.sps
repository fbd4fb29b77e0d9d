pick  # expect error: pick is missing argument 'col'
