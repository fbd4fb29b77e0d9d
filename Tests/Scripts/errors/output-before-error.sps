print "before"  # expect: before
print nope  # expect error: unknown name 'nope'
print "after"
