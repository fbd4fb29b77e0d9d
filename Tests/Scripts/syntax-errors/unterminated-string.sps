print "abc  # expect error: unterminated string
