a = zeros 2 3
print (a @ a)  # expect error: error:
