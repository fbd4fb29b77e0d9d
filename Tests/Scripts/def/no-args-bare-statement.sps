def hello { print "hello" }
hello  # expect: hello
hello()  # expect: hello
