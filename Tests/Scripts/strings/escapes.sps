print "tab\there"  # expect: tab	here
print "quote \" and backslash \\"  # expect: quote " and backslash \
print "braces \{not code\}"  # expect: braces {not code}
