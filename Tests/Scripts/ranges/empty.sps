for i in 5..<5 { print "never" }
print (len 3..<1)  # expect: 0
