csv 3  # expect error: argument 'path' of csv must be a string, got number
