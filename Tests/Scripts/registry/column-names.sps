print (pick x3)  # expect: col=x3 target=y features=[]
print (pick "x1" target=z features=[a, b])  # expect: col=x1 target=z features=["a", "b"]
