def twice body { body(); body() }
twice { print "hi" }
# expect: hi
# expect: hi
