def count r { len r }
print (count 0..9)  # expect: 10
