x3 = 42
print (pick x3 target=x3)  # expect: col=x3 target=x3 features=[]
