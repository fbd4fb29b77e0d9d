print (sum 1..100)  # expect: 5050
