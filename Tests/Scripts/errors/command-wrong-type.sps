len  # expect error: len is missing argument 'value'
