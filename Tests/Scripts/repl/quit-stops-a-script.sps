print 1  # expect: 1
for i in 0..3 {
  if i == 1 { quit }
  print "in loop {i}"  # expect: in loop 0
}
print 2
