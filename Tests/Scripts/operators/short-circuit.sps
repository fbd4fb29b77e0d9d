def boom { error "should not run" }
print (false and boom()) (true or boom())  # expect: false true
