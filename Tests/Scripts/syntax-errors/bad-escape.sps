print "a\qb"  # expect error: unknown escape '\q'
