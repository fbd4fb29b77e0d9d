print "a {"b" + "c"} d"  # expect: a bc d
