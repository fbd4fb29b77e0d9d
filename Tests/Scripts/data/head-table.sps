t = describe (spurious n=10)
print (head t 2).n (head t).columns[0]  # expect: 2 column
