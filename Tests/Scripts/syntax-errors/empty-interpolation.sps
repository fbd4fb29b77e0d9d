print "a {} b"  # expect error: empty '{}' in string
