if false {
  print "no"
}
else {
  print "yes"  # expect: yes
}
