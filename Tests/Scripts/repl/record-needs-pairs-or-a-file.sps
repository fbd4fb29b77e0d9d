record  # expect error: record needs name=value pairs inside repeat
