for i in 1..3 { print i }
# expect: 1
# expect: 2
# expect: 3
