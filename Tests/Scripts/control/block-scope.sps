if true { inner = 1; print inner }  # expect: 1
print (type 1)  # expect: number
