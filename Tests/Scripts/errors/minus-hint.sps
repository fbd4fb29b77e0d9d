n = 5
print (n -1)  # expect error: put spaces on both sides of '-'
