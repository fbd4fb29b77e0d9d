print "a\nb"
# expect: a
# expect: b
