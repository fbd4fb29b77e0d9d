print ("a" < "b") ("abc" == "abc") ("x" != "y")  # expect: true true true
