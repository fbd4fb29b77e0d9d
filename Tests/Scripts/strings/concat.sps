print ("ab" + "cd")  # expect: abcd
print ("-" * 5)  # expect: -----
