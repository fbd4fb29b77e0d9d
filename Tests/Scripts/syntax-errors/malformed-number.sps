x = 12abc  # expect error: malformed number '12abc'
