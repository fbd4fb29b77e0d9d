print 0..3 0..<3  # expect: 0..3 0..<3
print (len 0..9) (len 0..<9)  # expect: 10 9
