def repeat_n body n=1 { for i in 0..<n { body() } }
repeat_n n=3 { print "x" }
# expect: x
# expect: x
# expect: x
